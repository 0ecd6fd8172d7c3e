-- Log lines are stored in chunks: one row per batch the log writer commits, holding its lines
-- packed by LogChunkCodec and addressed by the seq range [first_seq, last_seq]. One row per line
-- made per-row overhead the ingest bottleneck; chunks keep addressing by (execution_id, seq).
CREATE TABLE log_chunks (
    execution_id  TEXT NOT NULL,
    first_seq     BIGINT NOT NULL,
    last_seq      BIGINT NOT NULL,
    data          BLOB NOT NULL,
    PRIMARY KEY (execution_id, first_seq)
) WITHOUT ROWID;
