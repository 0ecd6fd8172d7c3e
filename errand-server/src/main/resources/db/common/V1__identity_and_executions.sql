-- Users, their API keys, and executions. Times are epoch milliseconds (BIGINT) so that the
-- same SQL serves SQLite and PostgreSQL.
CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    role        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX users_email ON users (email);

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id),
    name          TEXT NOT NULL,
    key_hash      TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT,
    last_used_at  BIGINT,
    revoked_at    BIGINT
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE executions (
    id               TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL REFERENCES users (id),
    command          TEXT NOT NULL,
    image            TEXT NOT NULL,
    driver           TEXT NOT NULL,
    env_json         TEXT NOT NULL,
    network          INTEGER NOT NULL,
    timeout_seconds  INTEGER NOT NULL,
    status           TEXT NOT NULL,
    exit_code        INTEGER,
    reason           TEXT,
    request_id       TEXT,
    created_at       BIGINT NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT
);
CREATE INDEX executions_status ON executions (status, id);
CREATE INDEX executions_user ON executions (user_id, id);
