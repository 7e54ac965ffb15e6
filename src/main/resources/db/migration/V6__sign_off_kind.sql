-- Issue 16: each sign-off says whether it is a personal signature (the signer's own key) or the service seal.
-- Rows signed before this column existed get SEAL: most were made with the service key, and the registry
-- does not claim a personal signature it cannot vouch for. Every new row names its kind (no default).
-- The allowed kinds are a table, not CHECK (kind IN ('PERSONAL', 'SEAL')): H2 2.4 evaluates such a constant
-- list (and an OR of equalities, which it rewrites into one) in the session that created the constraint, and
-- every insert fails ("database closed") once Flyway's connection is gone.
CREATE TABLE sign_off_kinds (
    kind VARCHAR(10) PRIMARY KEY
);
INSERT INTO sign_off_kinds (kind) VALUES ('PERSONAL');
INSERT INTO sign_off_kinds (kind) VALUES ('SEAL');
ALTER TABLE sign_offs ADD COLUMN kind VARCHAR(10) DEFAULT 'SEAL' NOT NULL;
ALTER TABLE sign_offs ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE sign_offs ADD CONSTRAINT sign_offs_kind FOREIGN KEY (kind) REFERENCES sign_off_kinds (kind);
