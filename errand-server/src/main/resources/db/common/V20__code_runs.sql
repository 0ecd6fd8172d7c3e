-- Code runs (POST /api/v1/execute). Each is also an execution row with the same id, so it is
-- listed, audited and visible to its owner like any other; this table keeps the run's language
-- and its full result (output included, each stream cut at the server's output limit).
CREATE TABLE code_runs (
    id           TEXT PRIMARY KEY REFERENCES executions (id),
    user_id      TEXT NOT NULL REFERENCES users (id),
    language     TEXT NOT NULL,
    version      TEXT NOT NULL,
    status       TEXT NOT NULL,
    exit_code    INTEGER,
    time_ms      BIGINT,
    cpu_ms       BIGINT,
    memory_kb    BIGINT,
    result_json  TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX code_runs_user ON code_runs (user_id, id);
