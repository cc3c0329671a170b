-- Schema version 4: the duty shift. The duty log (值班日志: calls, faxes, incidents, reports
-- up), the shift handovers (交接班) with the incoming officer's confirmation, and a version
-- per meeting for calendar feeds. Additive only.

-- One line of the duty log. `received_at` is local time (UTC+8) 'YYYY-MM-DD HH:MM:SS'.
-- The caller is a person or a department of the org chart when one was named, else free
-- text (`from_text`, always kept as typed) with a phone number.
CREATE TABLE duty_log (
    id             INTEGER PRIMARY KEY,
    ext_id         TEXT NOT NULL UNIQUE,
    received_at    TEXT NOT NULL,
    category       TEXT NOT NULL,
    from_person_id INTEGER REFERENCES people(id),
    from_dept_id   INTEGER REFERENCES departments(id),
    from_text      TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    summary        TEXT NOT NULL,
    urgency        TEXT NOT NULL DEFAULT '一般',
    informed       TEXT NOT NULL DEFAULT '',
    follow_up      TEXT NOT NULL DEFAULT '',
    recorded_by    INTEGER REFERENCES people(id),
    -- An incident reported up (上报): when, to whom, by whom.
    reported_at    TEXT,
    reported_to    TEXT,
    reported_by    INTEGER REFERENCES people(id),
    -- What the entry became: a document to approve or a supervision item.
    document_id    INTEGER REFERENCES documents(id),
    supervision_id INTEGER REFERENCES supervision(id),
    created_at     TEXT NOT NULL
);
CREATE INDEX duty_log_by_received ON duty_log(received_at, id);
-- Incidents not yet reported up: the 合规 check and the board read only these.
CREATE INDEX duty_log_unreported ON duty_log(received_at)
    WHERE category = '突发事件' AND reported_at IS NULL;

-- A shift handed over: the report's window (local times), the file it was saved to and
-- its SHA-256, who handed over, and the incoming officer's 接班确认.
CREATE TABLE handovers (
    id           INTEGER PRIMARY KEY,
    shift_date   TEXT NOT NULL,
    since        TEXT NOT NULL,
    until        TEXT NOT NULL,
    by_id        INTEGER REFERENCES people(id),
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    confirmed_by INTEGER REFERENCES people(id),
    confirmed_at TEXT
);
CREATE INDEX handovers_by_until ON handovers(until);

-- iCalendar SEQUENCE: bumped whenever a meeting moves, is renamed, changes place or
-- state, by whatever command does it, so calendar clients replace their copy.
ALTER TABLE meetings ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER meetings_ics_sequence AFTER UPDATE OF start_at, state, place, title ON meetings
WHEN OLD.start_at IS NOT NEW.start_at OR OLD.state IS NOT NEW.state
  OR OLD.place IS NOT NEW.place OR OLD.title IS NOT NEW.title
BEGIN
    UPDATE meetings SET ics_sequence = OLD.ics_sequence + 1 WHERE id = NEW.id;
END;
