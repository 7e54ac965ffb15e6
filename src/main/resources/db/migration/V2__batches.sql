-- Async batches (issue 6): the requests and their results live here; JobRunr's own tables hold the jobs.
CREATE TABLE batches (
    id            VARCHAR(36)  PRIMARY KEY,
    type          VARCHAR(60)  NOT NULL,
    lenient       BOOLEAN      NOT NULL,
    total         INTEGER      NOT NULL,
    webhook_url   VARCHAR(2000),
    webhook_state VARCHAR(20)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(100) NOT NULL
);

CREATE TABLE batch_items (
    batch_id   VARCHAR(36)  NOT NULL REFERENCES batches (id),
    item       INTEGER      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    input_json TEXT         NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    error      VARCHAR(1000),
    result     BYTEA,
    file_name  VARCHAR(200),
    attempts   INTEGER      NOT NULL DEFAULT 0,
    worker     VARCHAR(200),
    PRIMARY KEY (batch_id, item)
);
