-- Issue 15, point 3: drafts hold what a person typed, not a PDF, and belong to their author. The data
-- need not be valid (work in progress); the request that carries it is bounded by sello.limits.*.
-- version is the optimistic lock: a save names the version it read and loses to any save in between.
CREATE TABLE drafts (
    id         VARCHAR(36)  PRIMARY KEY,
    type       VARCHAR(60)  NOT NULL,
    owner      VARCHAR(100) NOT NULL,
    title      VARCHAR(200) NOT NULL,
    data       TEXT         NOT NULL,
    version    INTEGER      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX drafts_owner ON drafts (owner, updated_at);
