-- Schema version 3: one door for every write.
-- Who may act (administrators are operating-system accounts, not necessarily people of the
-- org chart), what a leader wrote on paper and the office recorded (代录), and an audit log
-- whose rows are chained by hash so that an altered, removed or inserted row is found.

-- Operating-system accounts that administer this database: they may act as another
-- person (--as), run migration imports and change the district profile.
CREATE TABLE admins (
    account  TEXT PRIMARY KEY,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL
);

-- 代录: the office person who recorded a leader's signature or return made on paper.
ALTER TABLE documents ADD COLUMN recorded_by INTEGER REFERENCES people(id);
-- A return's date and the leader (or stand-in) who returned the document.
ALTER TABLE documents ADD COLUMN returned_on TEXT;
ALTER TABLE documents ADD COLUMN returned_by INTEGER REFERENCES people(id);

-- The audit row's full shape. `at` is always the real clock (UTC, RFC 3339); `actor` is the
-- login of the person acting ("system" for the rules' own writes); `os_account` the
-- operating-system account of the process; `acted_for` the login of the person acted for
-- (代录, stand-in); `business_date` the pinned business date, when the clock was pinned;
-- `prev_hash` and `hash` chain each row to the one before (SHA-256, hex).
ALTER TABLE audit ADD COLUMN os_account TEXT;
ALTER TABLE audit ADD COLUMN acted_for TEXT;
ALTER TABLE audit ADD COLUMN business_date TEXT;
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
CREATE INDEX audit_by_actor ON audit(actor, id);
CREATE INDEX audit_by_at ON audit(at);

-- The chain's head, kept apart from the log: how many rows there are and the last hash.
-- A row deleted behind the triggers' back leaves this count higher than the log's.
CREATE TABLE audit_chain (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    rows      INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
-- The head only moves forward.
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN
    SELECT RAISE(ABORT, 'the audit chain head cannot be removed');
END;
CREATE TRIGGER audit_chain_forward BEFORE UPDATE ON audit_chain
WHEN NEW.rows < OLD.rows
BEGIN
    SELECT RAISE(ABORT, 'the audit chain head only moves forward');
END;
