-- Issue 14, point 4: anonymous verifications (POST /api/v1/verify, GET /verify/{id},
-- GET /api/v1/documents/{id}/verification without credentials) no longer write one audit_events row
-- each, so a caller without an account cannot grow the audit table. They are counted instead: one row
-- per UTC day, action and result, whose count DocumentRegistry.countDaily raises by one. The table
-- grows by at most (actions x results) rows a day whatever the traffic. (DAY is a keyword in H2.)
CREATE TABLE audit_daily_counts (
    day_utc DATE       NOT NULL,
    action VARCHAR(40) NOT NULL,
    result VARCHAR(20) NOT NULL,
    events BIGINT      NOT NULL,
    PRIMARY KEY (day_utc, action, result)
);
