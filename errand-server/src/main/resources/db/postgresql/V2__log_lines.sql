CREATE TABLE log_lines (
    execution_id  TEXT NOT NULL,
    seq           BIGINT NOT NULL,
    ts            BIGINT NOT NULL,
    stream        INTEGER NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (execution_id, seq)
);
