-- The data generation: a number every audited write transaction raises (every change of the
-- data is audited; the grouped audit appends of reads do not raise it). Readers that keep a
-- result computed from the data (the statistics, docs/architecture.md) know from it whether
-- anything changed since, whichever process wrote (the server, or a command such as retention or
-- demo).
-- @all
CREATE TABLE data_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO data_generation (id, value) VALUES (1, 0);
