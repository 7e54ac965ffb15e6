-- Issue 18, point 3: the files of every template version a stored document was made with, kept the first time
-- the version is used, so that the document can be rendered again with them after the templates change.
-- A file's bytes are kept once, by their SHA-256 (template_blobs): the fonts (2.5 MB) and the shared budget
-- macros are the same in every type and in most versions, and are stored a single time.
CREATE TABLE template_versions (
    version    VARCHAR(120) PRIMARY KEY,
    type       VARCHAR(60)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE template_blobs (
    sha256 CHAR(64) PRIMARY KEY,
    bytes  BYTEA    NOT NULL
);

CREATE TABLE template_files (
    version VARCHAR(120) NOT NULL REFERENCES template_versions (version),
    path    VARCHAR(300) NOT NULL,
    sha256  CHAR(64)     NOT NULL REFERENCES template_blobs (sha256),
    PRIMARY KEY (version, path)
);

CREATE INDEX template_versions_type ON template_versions (type, created_at);
