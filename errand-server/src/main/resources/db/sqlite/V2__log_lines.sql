-- Log lines clustered by (execution_id, seq): WITHOUT ROWID keeps one b-tree instead of two,
-- which roughly halves the write cost of the ingest path on SQLite.
CREATE TABLE log_lines (
    execution_id  TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    ts            BIGINT NOT NULL,
    stream        INTEGER NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;
