-- Team runbooks: secrets, locks, registered images, and per-execution secrets, lock, git source,
-- limits and usage. Same SQL for SQLite and PostgreSQL; times are epoch milliseconds.
CREATE TABLE secrets (
    name         TEXT PRIMARY KEY,
    env_name     TEXT NOT NULL,
    description  TEXT,
    roles        TEXT NOT NULL,
    ciphertext   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_by   TEXT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- One row per held lock; deleted when its execution reaches any terminal status.
CREATE TABLE locks (
    name          TEXT PRIMARY KEY,
    execution_id  TEXT NOT NULL,
    acquired_at   BIGINT NOT NULL
);
CREATE INDEX locks_execution ON locks (execution_id);

CREATE TABLE images (
    name             TEXT PRIMARY KEY,
    driver           TEXT NOT NULL,
    source_kind      TEXT NOT NULL,
    source           TEXT,
    suite            TEXT,
    packages         TEXT,
    cpus             DOUBLE PRECISION,
    memory_mb        INTEGER,
    max_processes    INTEGER,
    cpu_seconds      INTEGER,
    network          INTEGER NOT NULL,
    env_json         TEXT NOT NULL,
    run_as           TEXT,
    workdir          TEXT,
    timeout_seconds  INTEGER,
    roles            TEXT NOT NULL,
    is_default       INTEGER NOT NULL,
    build_state      TEXT,
    built_at         BIGINT,
    created_by       TEXT NOT NULL,
    created_at       BIGINT NOT NULL
);

ALTER TABLE executions ADD COLUMN secrets_json TEXT;
ALTER TABLE executions ADD COLUMN lock_name TEXT;
ALTER TABLE executions ADD COLUMN git_json TEXT;
ALTER TABLE executions ADD COLUMN limits_json TEXT;
ALTER TABLE executions ADD COLUMN cpu_seconds DOUBLE PRECISION;
ALTER TABLE executions ADD COLUMN peak_memory_bytes BIGINT;
ALTER TABLE executions ADD COLUMN cost_usd DOUBLE PRECISION;
CREATE INDEX executions_lock ON executions (lock_name, status, id);
CREATE INDEX executions_finished ON executions (finished_at);
