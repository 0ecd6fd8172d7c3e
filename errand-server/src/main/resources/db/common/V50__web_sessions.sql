-- Browser sessions of the web app (issue 6). The cookie holds a random token that is never
-- stored: id is an HMAC of it, and sealed_key is the API key the browser signed in with,
-- encrypted (AES-256-GCM) under another key derived from the token. A stolen copy of this table
-- opens no session and reveals no key. Times are epoch milliseconds, as in V1.
CREATE TABLE web_sessions (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id),
    key_id        TEXT NOT NULL REFERENCES api_keys (id),
    sealed_key    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX web_sessions_last_seen ON web_sessions (last_seen_at);
