-- Identity and audit (issue 3). Times are epoch milliseconds, as in V1.

-- Who created an account. Only one account per email may be active: a revoked account keeps its
-- row (and its history) and the same email can get a new account.
ALTER TABLE users ADD COLUMN created_by TEXT;
CREATE UNIQUE INDEX users_active_email ON users (email) WHERE revoked_at IS NULL;

-- Claim tokens: single use, short-lived, stored only as a SHA-256 hash.
CREATE TABLE claim_tokens (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_by  TEXT,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT,
    used_from   TEXT
);
CREATE INDEX claim_tokens_user ON claim_tokens (user_id);

-- The audit trail: append-only, hash-chained. hash = SHA-256(prev_hash || '\n' || canonical entry);
-- see docs/security.md. audit_head holds the last entry written, so removing entries from the end
-- is detected too, and serializes appenders (SELECT ... FOR UPDATE on PostgreSQL).
CREATE TABLE audit_log (
    seq          BIGINT PRIMARY KEY,
    at           BIGINT NOT NULL,
    request_id   TEXT,
    user_id      TEXT,
    user_email   TEXT,
    key_id       TEXT,
    role         TEXT,
    action       TEXT NOT NULL,
    target_type  TEXT,
    target_id    TEXT,
    outcome      TEXT NOT NULL,
    status       INTEGER NOT NULL,
    detail       TEXT,
    source       TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_log_request ON audit_log (request_id);
CREATE INDEX audit_log_user ON audit_log (user_id);
CREATE INDEX audit_log_target ON audit_log (target_id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY,
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
