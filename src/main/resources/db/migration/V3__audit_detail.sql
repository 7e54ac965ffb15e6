-- Issue 13: an audit line lists every warning of a render, each declared figure printed within rounding
-- with both figures; 1,000 characters held about six. DocumentRegistry.DETAIL_MAX bounds it.
ALTER TABLE audit_events ALTER COLUMN detail SET DATA TYPE VARCHAR(20000);
