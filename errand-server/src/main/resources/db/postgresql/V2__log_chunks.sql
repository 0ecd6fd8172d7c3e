-- See the SQLite twin: log lines packed in chunks addressed by their seq range.
CREATE TABLE log_chunks (
    execution_id  TEXT NOT NULL,
    first_seq     BIGINT NOT NULL,
    last_seq      BIGINT NOT NULL,
    data          BYTEA NOT NULL,
    PRIMARY KEY (execution_id, first_seq)
);
