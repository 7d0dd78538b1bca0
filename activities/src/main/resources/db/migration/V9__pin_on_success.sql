-- A manual deployment of another version than the watcher would choose pins its service, but only
-- once it succeeds: the pin waits here until then, so a deployment that fails or is rolled back
-- never pins the tag it could not run. Written before the deployment starts, so no success can
-- come before it.
CREATE TABLE pin_on_success (
    deployment_id  UUID          PRIMARY KEY,
    service        VARCHAR(128)  NOT NULL,
    repository     VARCHAR(512)  NOT NULL,
    tag            VARCHAR(128)  NOT NULL
);
