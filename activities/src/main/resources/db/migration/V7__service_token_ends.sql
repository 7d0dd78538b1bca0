-- A service's access ends for good when it terminates: a container start that comes later (a
-- stale attempt of a worker that stalled) must not make a new token nobody would revoke. The row
-- is claimed before a token is made, so two containers starting side by side make one.
ALTER TABLE service_token ADD COLUMN ended BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE service_token ALTER COLUMN token_name DROP NOT NULL;
ALTER TABLE service_token ALTER COLUMN secret DROP NOT NULL;
