-- Named API tokens for pipelines. Only a SHA-256 hash of each token is kept: tokens are 256 random
-- bits, so a fast hash is as safe as a slow one and lets a request be checked with one lookup.
CREATE TABLE api_token (
    name        VARCHAR(64)  PRIMARY KEY,
    role        VARCHAR(16)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_by  VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
