-- Tutum's "global" role: the read-only API token a service's containers are given. The secret is
-- kept because every container the service starts later (a scale, a replacement, a redeploy) needs
-- it again; api_token keeps only its hash, and the token is revoked when the service terminates.
CREATE TABLE service_token (
    service     VARCHAR(128) PRIMARY KEY,
    token_name  VARCHAR(64)  NOT NULL REFERENCES api_token (name),
    secret      VARCHAR(128) NOT NULL
);
