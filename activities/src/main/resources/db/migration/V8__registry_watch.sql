-- What the registry watcher reads: every repository a service runs from, and every image
-- Image-Watcher was asked about. `repository` carries its registry host (127.0.0.1:5000/demo/web).
CREATE TABLE watched_repository (
    repository        VARCHAR(512)  PRIMARY KEY,
    -- Named registry credentials (configuration holds the secrets); null reads anonymously.
    credentials       VARCHAR(128),
    interval_seconds  INTEGER       NOT NULL,
    next_poll_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    polled_at         TIMESTAMP WITH TIME ZONE,
    -- Why the last read failed; null when it succeeded.
    poll_error        VARCHAR(1024),
    -- The registry does not have it (404): asked for, never found.
    missing           BOOLEAN       NOT NULL DEFAULT FALSE,
    -- When its tags last changed (a tag added or gone): readers keep what they derived until then.
    tags_changed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX watched_repository_due ON watched_repository (next_poll_at);

-- The tag cache: each tag as the registry last listed it, and since when it is listed (an image's
-- age for the minimum-age rule). The digest is read only for tags a service pins.
CREATE TABLE image_tag (
    repository     VARCHAR(512) NOT NULL REFERENCES watched_repository (repository) ON DELETE CASCADE,
    tag            VARCHAR(128) NOT NULL,
    first_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    digest         VARCHAR(100),
    PRIMARY KEY (repository, tag)
);

-- Each service's upgrade policy (registrywatcher's state). A service without a row has the
-- defaults: follow the newest version by `major`, auto-deploy off, polled every 60 s.
CREATE TABLE service_watch (
    service                VARCHAR(128) PRIMARY KEY REFERENCES service (name) ON DELETE CASCADE,
    auto_deploy            BOOLEAN      NOT NULL DEFAULT FALSE,
    -- '' follows the newest version; any other value is a tag redeployed when its digest changes.
    pinned_tag             VARCHAR(128) NOT NULL DEFAULT '',
    -- The pin came from a manual deployment of an older tag (the watcher must not undo a rollback).
    pinned_by_deployment   UUID,
    strategy               VARCHAR(8)   NOT NULL DEFAULT 'major',
    pre_releases           BOOLEAN      NOT NULL DEFAULT FALSE,
    interval_seconds       INTEGER      NOT NULL DEFAULT 60,
    minimum_age_seconds    INTEGER      NOT NULL DEFAULT 0,
    -- Failed automatic deployments before this moment no longer hold their candidate back.
    quarantine_cleared_at  TIMESTAMP WITH TIME ZONE
);

-- Webhook notifications waiting to be delivered, one row per event and receiver: the key makes
-- each event (a new version of a service, an automatic deployment's outcome) land once, however
-- often the watcher sees it.
CREATE TABLE notification (
    event_key        VARCHAR(300)  NOT NULL,
    url              VARCHAR(1000) NOT NULL,
    event            VARCHAR(32)   NOT NULL,
    body             VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1024),
    PRIMARY KEY (event_key, url)
);
CREATE INDEX notification_pending ON notification (next_attempt_at);

-- The watcher asks every cycle which services are being deployed and which automatic deployments
-- failed: without these it would read the whole history each time.
CREATE INDEX deployment_by_status ON deployment (status);
CREATE INDEX deployment_by_username ON deployment (username, status);
