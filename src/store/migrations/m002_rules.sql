-- Schema version 2: what the district rules need beyond the items themselves.

-- When a department asked to hold a district-wide meeting or event (全区性会议): the
-- request is due 10 working days ahead (信州 二十四), preparation takes 15 days (环翠 46).
ALTER TABLE meetings ADD COLUMN requested_on TEXT;

-- Whom a leave request was addressed to: leave is asked of the chair (all five districts).
ALTER TABLE leave_requests ADD COLUMN addressed_to INTEGER REFERENCES people(id);

-- Government investment projects (信州 三十二): the route follows the amount's tier;
-- steps_done is a JSON array of the tier's step indexes already done.
CREATE TABLE investment_projects (
    id          INTEGER PRIMARY KEY,
    ext_id      TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    dept_id     INTEGER REFERENCES departments(id),
    amount_wan  REAL NOT NULL CHECK (amount_wan >= 0),
    received    TEXT NOT NULL,
    steps_done  TEXT NOT NULL DEFAULT '[]',
    updated_at  TEXT NOT NULL
);
CREATE INDEX investment_by_received ON investment_projects(received);

-- Fund requests (信州 三十三): consulted departments answer within 5 working days of the
-- papers being complete.
CREATE TABLE fund_requests (
    id                  INTEGER PRIMARY KEY,
    ext_id              TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    dept_id             INTEGER REFERENCES departments(id),
    amount_wan          REAL,
    papers_complete_on  TEXT,
    consult_due         TEXT,
    consult_due_rule    TEXT,
    consult_due_article TEXT,
    answered_on         TEXT,
    updated_at          TEXT NOT NULL
);
CREATE INDEX fund_requests_open_by_due ON fund_requests(consult_due)
    WHERE answered_on IS NULL AND consult_due IS NOT NULL;

-- Signed documents still owing printing or publishing (崆峒 五十三).
CREATE INDEX documents_signed_unpublished ON documents(signed_on)
    WHERE state = '已签批' AND (printed_on IS NULL OR published_on IS NULL);

-- Planned meetings, for materials, quorum, leave and large-event checks.
CREATE INDEX meetings_planned_by_start ON meetings(start_at) WHERE state = '待召开';
