-- Schema version 1: the organisation, the three kinds of work item, and the audit log.
-- Dates are TEXT 'YYYY-MM-DD', local times TEXT 'YYYY-MM-DD HH:MM:SS' (UTC+8).
-- Every deadline column is computed by the core from the profile and the calendar when the
-- row is written (and recomputed when either changes); *_rule and *_article say which rule.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Official holiday schedules imported into this database; they override compiled-in years.
CREATE TABLE holiday_years (
    year        INTEGER PRIMARY KEY,
    json        TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE departments (
    id      INTEGER PRIMARY KEY,
    ext_id  TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL DEFAULT '部门'
);

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    ext_id     TEXT NOT NULL UNIQUE,
    login      TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    dept_id    INTEGER REFERENCES departments(id),
    partner_id INTEGER REFERENCES people(id)
);

-- Division of work (分管): which leader oversees which departments.
CREATE TABLE divisions (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    dept_id   INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, dept_id)
) WITHOUT ROWID;
CREATE INDEX divisions_by_dept ON divisions(dept_id, person_id);

CREATE TABLE absences (
    id          INTEGER PRIMARY KEY,
    ext_id      TEXT UNIQUE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    start_on    TEXT NOT NULL,
    end_on      TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    reported_on TEXT,
    CHECK (end_on >= start_on)
);
CREATE INDEX absences_by_span ON absences(end_on, start_on);
CREATE INDEX absences_by_person ON absences(person_id, end_on);

CREATE TABLE duty_rota (
    day        TEXT PRIMARY KEY,
    officer_id INTEGER REFERENCES people(id),
    leader_id  INTEGER REFERENCES people(id)
);

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY,
    ext_id          TEXT NOT NULL UNIQUE,
    doc_no          TEXT NOT NULL DEFAULT '',
    title           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    urgency         TEXT NOT NULL,
    secrecy         TEXT NOT NULL DEFAULT '公开',
    from_dept       INTEGER REFERENCES departments(id),
    received        TEXT NOT NULL,
    major           INTEGER NOT NULL DEFAULT 0,
    matters         INTEGER NOT NULL DEFAULT 1,
    carries_request INTEGER NOT NULL DEFAULT 0,
    leader_id       INTEGER REFERENCES people(id),
    route           TEXT NOT NULL DEFAULT 'division',
    state           TEXT NOT NULL DEFAULT '待批',
    due             TEXT,
    due_rule        TEXT,
    due_article     TEXT,
    signed_on       TEXT,
    signed_by       INTEGER REFERENCES people(id),
    instruction     TEXT,
    return_reason   TEXT,
    printed_on      TEXT,
    published_on    TEXT,
    urged_count     INTEGER NOT NULL DEFAULT 0,
    last_urged_at   TEXT,
    updated_at      TEXT NOT NULL
);
-- The 待批公文 pane: pending documents by due date.
CREATE INDEX documents_pending_by_due ON documents(due, id) WHERE state = '待批';
CREATE INDEX documents_pending_by_leader ON documents(leader_id, due) WHERE state = '待批';
CREATE INDEX documents_by_received ON documents(received);

-- Countersign (会签/征求意见) requests to departments, each with its own deadline.
CREATE TABLE countersigns (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    dept_id     INTEGER NOT NULL REFERENCES departments(id),
    requested   TEXT NOT NULL,
    due         TEXT NOT NULL,
    due_rule    TEXT,
    due_article TEXT,
    answer      TEXT,
    answered_on TEXT,
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (document_id, dept_id)
);
CREATE INDEX countersigns_open_by_due ON countersigns(due) WHERE answer IS NULL;

CREATE TABLE meetings (
    id                 INTEGER PRIMARY KEY,
    ext_id             TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL,
    kind               TEXT NOT NULL,
    start_at           TEXT NOT NULL,
    place              TEXT NOT NULL DEFAULT '',
    chair_id           INTEGER REFERENCES people(id),
    state              TEXT NOT NULL DEFAULT '待召开',
    major_revisions    INTEGER NOT NULL DEFAULT 0,
    docs_owed          INTEGER NOT NULL DEFAULT 0,
    materials_due      TEXT,
    materials_rule     TEXT,
    materials_article  TEXT,
    minutes_due        TEXT,
    minutes_rule       TEXT,
    minutes_article    TEXT,
    minutes_issued_on  TEXT,
    docs_due           TEXT,
    docs_rule          TEXT,
    docs_article       TEXT,
    docs_issued_on     TEXT,
    updated_at         TEXT NOT NULL
);
-- The 近期会议 pane: meetings by start, and past meetings still owing minutes/documents.
CREATE INDEX meetings_by_start ON meetings(start_at) WHERE state <> '已取消';
CREATE INDEX meetings_owing_minutes ON meetings(minutes_due) WHERE minutes_issued_on IS NULL AND state <> '已取消';
CREATE INDEX meetings_owing_docs ON meetings(docs_due) WHERE docs_owed > 0 AND docs_issued_on IS NULL AND state <> '已取消';
CREATE INDEX meetings_by_kind ON meetings(kind, start_at);

CREATE TABLE meeting_members (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id),
    PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;

CREATE TABLE topics (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    dept_id      INTEGER REFERENCES departments(id),
    materials_on TEXT,
    approved     INTEGER NOT NULL DEFAULT 0,
    added_at     TEXT NOT NULL
);
CREATE INDEX topics_by_meeting ON topics(meeting_id);

CREATE TABLE leave_requests (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people(id),
    requested_on TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    in_writing   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (meeting_id, person_id)
);

CREATE TABLE supervision (
    id               INTEGER PRIMARY KEY,
    ext_id           TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    source           TEXT NOT NULL,
    lead_dept        INTEGER NOT NULL REFERENCES departments(id),
    assigned         TEXT NOT NULL,
    deadline         TEXT NOT NULL,
    deadline_rule    TEXT,
    deadline_article TEXT,
    feedback_cycle   TEXT NOT NULL DEFAULT '每月',
    state            TEXT NOT NULL DEFAULT '办理中',
    closed_on        TEXT,
    closed_by        INTEGER REFERENCES people(id),
    recheck_on       TEXT,
    meeting_id       INTEGER REFERENCES meetings(id),
    last_progress_on TEXT,
    last_progress    TEXT,
    urged_count      INTEGER NOT NULL DEFAULT 0,
    last_urged_at    TEXT,
    updated_at       TEXT NOT NULL
);
-- The 逾期督办 pane: open items by deadline.
CREATE INDEX supervision_open_by_deadline ON supervision(deadline, id) WHERE state = '办理中';
CREATE INDEX supervision_recheck ON supervision(recheck_on) WHERE recheck_on IS NOT NULL;
CREATE INDEX supervision_by_meeting ON supervision(meeting_id) WHERE meeting_id IS NOT NULL;

CREATE TABLE supervision_co (
    supervision_id INTEGER NOT NULL REFERENCES supervision(id) ON DELETE CASCADE,
    dept_id        INTEGER NOT NULL REFERENCES departments(id),
    PRIMARY KEY (supervision_id, dept_id)
) WITHOUT ROWID;

CREATE TABLE extensions (
    id             INTEGER PRIMARY KEY,
    supervision_id INTEGER NOT NULL REFERENCES supervision(id) ON DELETE CASCADE,
    old_deadline   TEXT NOT NULL,
    new_deadline   TEXT NOT NULL,
    reason         TEXT NOT NULL,
    by_id          INTEGER REFERENCES people(id),
    at             TEXT NOT NULL
);
CREATE INDEX extensions_by_item ON extensions(supervision_id);

CREATE TABLE progress_notes (
    id             INTEGER PRIMARY KEY,
    supervision_id INTEGER NOT NULL REFERENCES supervision(id) ON DELETE CASCADE,
    on_date        TEXT NOT NULL,
    note           TEXT NOT NULL,
    by_id          INTEGER REFERENCES people(id),
    at             TEXT NOT NULL
);
CREATE INDEX progress_by_item ON progress_notes(supervision_id, on_date);

-- 督办通知 / 催办 records: who urged what and when.
CREATE TABLE notices (
    id             INTEGER PRIMARY KEY,
    supervision_id INTEGER REFERENCES supervision(id) ON DELETE CASCADE,
    document_id    INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    note           TEXT NOT NULL DEFAULT '',
    by_id          INTEGER REFERENCES people(id),
    at             TEXT NOT NULL,
    CHECK ((supervision_id IS NULL) <> (document_id IS NULL))
);
CREATE INDEX notices_by_supervision ON notices(supervision_id) WHERE supervision_id IS NOT NULL;
CREATE INDEX notices_by_document ON notices(document_id) WHERE document_id IS NOT NULL;

-- The audit log: every change, who made it, when, and the row before and after (JSON).
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    summary   TEXT NOT NULL DEFAULT '',
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_by_entity ON audit(entity, entity_id, id);

-- Append-only: the log can be added to, never edited or cut.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
