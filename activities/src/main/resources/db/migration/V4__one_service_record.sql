-- One service record whatever made it: the services file or Tutum's POST /api/v1/service/.
-- `name` stays the key and is Tutum's unique_name (Harmony's path segment); `display_name` is the
-- name the user gave. Every service that exists keeps its rows and history, and gets a uuid.
ALTER TABLE service ADD COLUMN uuid UUID;
UPDATE service SET uuid = gen_random_uuid();
ALTER TABLE service ALTER COLUMN uuid SET NOT NULL;
ALTER TABLE service ADD CONSTRAINT service_uuid_unique UNIQUE (uuid);

ALTER TABLE service ADD COLUMN display_name VARCHAR(128);
UPDATE service SET display_name = name;
ALTER TABLE service ALTER COLUMN display_name SET NOT NULL;

-- 'file' services are declared by the services file and run on the host network (PORT); 'api'
-- services were created through the API and run on the engine's bridge with published ports.
ALTER TABLE service ADD COLUMN origin VARCHAR(8) NOT NULL DEFAULT 'file';
ALTER TABLE service ADD COLUMN networking VARCHAR(8) NOT NULL DEFAULT 'host';

-- The lifecycle state the service's workflow last recorded. A file service that has been deployed
-- runs; one that never was is still in Init.
ALTER TABLE service ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'Init';
UPDATE service SET state = 'Running' WHERE digest IS NOT NULL
    OR EXISTS (SELECT 1 FROM deployment d WHERE d.service = service.name AND d.status = 'successful');

ALTER TABLE service ADD COLUMN run_command VARCHAR(4096);
ALTER TABLE service ADD COLUMN entrypoint VARCHAR(4096);
ALTER TABLE service ADD COLUMN memory_mb INTEGER;
ALTER TABLE service ADD COLUMN cpu_shares INTEGER;
ALTER TABLE service ADD COLUMN privileged BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE service ADD COLUMN autorestart VARCHAR(12) NOT NULL DEFAULT 'OFF';
ALTER TABLE service ADD COLUMN autoreplace VARCHAR(12) NOT NULL DEFAULT 'OFF';
ALTER TABLE service ADD COLUMN autodestroy VARCHAR(12) NOT NULL DEFAULT 'OFF';
ALTER TABLE service ADD COLUMN sequential_deployment BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE service ADD COLUMN roles VARCHAR(64) NOT NULL DEFAULT '';

ALTER TABLE service ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
UPDATE service SET created_at = updated_at;
ALTER TABLE service ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE service ADD COLUMN deployed_at TIMESTAMP WITH TIME ZONE;
UPDATE service SET deployed_at = (SELECT MAX(d.updated_at) FROM deployment d
                                   WHERE d.service = service.name AND d.status = 'successful');
ALTER TABLE service ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE service ADD COLUMN stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE service ADD COLUMN destroyed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX service_by_state ON service (state);

-- Tutum's container_ports, in the order given.
CREATE TABLE service_port (
    service     VARCHAR(128) NOT NULL REFERENCES service (name) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    inner_port  INTEGER      NOT NULL,
    outer_port  INTEGER,
    protocol    VARCHAR(3)   NOT NULL,
    published   BOOLEAN      NOT NULL,
    PRIMARY KEY (service, position)
);

-- Tutum's linked_to_service: the linking service gets the target's link variables under `name`.
CREATE TABLE service_link (
    service     VARCHAR(128) NOT NULL REFERENCES service (name) ON DELETE CASCADE,
    to_service  VARCHAR(128) NOT NULL REFERENCES service (name),
    name        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (service, name)
);

-- Tutum's tags: labels to find services by.
CREATE TABLE service_tag (
    service  VARCHAR(128) NOT NULL REFERENCES service (name) ON DELETE CASCADE,
    tag      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (service, tag)
);

-- Every operation on a service is an action (Tutum's Action). Harmony deployments are actions too:
-- their action shares the deployment's id, and their log is the deployment log under that id.
CREATE TABLE action (
    id               UUID PRIMARY KEY,
    service          VARCHAR(128)  NOT NULL REFERENCES service (name),
    action           VARCHAR(64)   NOT NULL,
    method           VARCHAR(8)    NOT NULL,
    path             VARCHAR(512)  NOT NULL,
    user_agent       VARCHAR(512),
    ip               VARCHAR(64),
    body             VARCHAR(8192),
    username         VARCHAR(256)  NOT NULL,
    caller_kind      VARCHAR(16),
    is_user_action   BOOLEAN       NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    start_date       TIMESTAMP WITH TIME ZONE,
    end_date         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX action_newest_first ON action (created_at DESC, id DESC);
CREATE INDEX action_by_service ON action (service, created_at DESC);
