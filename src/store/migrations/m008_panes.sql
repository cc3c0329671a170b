-- Schema version 8: the board's cost follows the screen, not the number of open items.
--
-- 1. open_counts: how many open items fall due on each day, per pane, kept by triggers in
--    the same transaction as every write (commands, imports, migrations alike). A pane's
--    counts (total, overdue, due soon) are sums over at most a few hundred days instead
--    of a walk over every open item.
-- 2. documents_search / supervision_search: the filter's text of each open item (title,
--    numbers, the department's and the leader's names), kept by triggers too, in FTS5
--    tables with the trigram tokenizer: a filter of three or more characters is an index
--    lookup; a shorter one scans these compact rows instead of the items themselves.
-- 3. documents_pending_by_urgency: the priority and urgency orders read the first rows of
--    each urgency in deadline order instead of sorting every open document.

CREATE TABLE open_counts (
    pane TEXT NOT NULL,      -- 'approvals' (documents 待批, by due) or 'supervision' (办理中, by deadline)
    due  TEXT NOT NULL,      -- the day; 'none' for a document without a stored due date
    n    INTEGER NOT NULL,
    PRIMARY KEY (pane, due)
) WITHOUT ROWID;

INSERT INTO open_counts(pane, due, n)
    SELECT 'approvals', coalesce(due, 'none'), count(*) FROM documents
    WHERE state = '待批' GROUP BY coalesce(due, 'none');
INSERT INTO open_counts(pane, due, n)
    SELECT 'supervision', deadline, count(*) FROM supervision
    WHERE state = '办理中' GROUP BY deadline;

CREATE TRIGGER open_counts_documents_insert AFTER INSERT ON documents
WHEN new.state = '待批' BEGIN
    INSERT INTO open_counts(pane, due, n) VALUES ('approvals', coalesce(new.due, 'none'), 1)
        ON CONFLICT(pane, due) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER open_counts_documents_delete AFTER DELETE ON documents
WHEN old.state = '待批' BEGIN
    UPDATE open_counts SET n = n - 1 WHERE pane = 'approvals' AND due = coalesce(old.due, 'none');
    DELETE FROM open_counts WHERE pane = 'approvals' AND due = coalesce(old.due, 'none') AND n <= 0;
END;
CREATE TRIGGER open_counts_documents_update AFTER UPDATE OF state, due ON documents
WHEN (old.state = '待批' OR new.state = '待批')
     AND NOT (old.state IS new.state AND old.due IS new.due) BEGIN
    UPDATE open_counts SET n = n - 1
        WHERE old.state = '待批' AND pane = 'approvals' AND due = coalesce(old.due, 'none');
    DELETE FROM open_counts
        WHERE old.state = '待批' AND pane = 'approvals' AND due = coalesce(old.due, 'none') AND n <= 0;
    INSERT INTO open_counts(pane, due, n)
        SELECT 'approvals', coalesce(new.due, 'none'), 1 WHERE new.state = '待批'
        ON CONFLICT(pane, due) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_counts_supervision_insert AFTER INSERT ON supervision
WHEN new.state = '办理中' BEGIN
    INSERT INTO open_counts(pane, due, n) VALUES ('supervision', new.deadline, 1)
        ON CONFLICT(pane, due) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER open_counts_supervision_delete AFTER DELETE ON supervision
WHEN old.state = '办理中' BEGIN
    UPDATE open_counts SET n = n - 1 WHERE pane = 'supervision' AND due = old.deadline;
    DELETE FROM open_counts WHERE pane = 'supervision' AND due = old.deadline AND n <= 0;
END;
CREATE TRIGGER open_counts_supervision_update AFTER UPDATE OF state, deadline ON supervision
WHEN (old.state = '办理中' OR new.state = '办理中')
     AND NOT (old.state IS new.state AND old.deadline IS new.deadline) BEGIN
    UPDATE open_counts SET n = n - 1
        WHERE old.state = '办理中' AND pane = 'supervision' AND due = old.deadline;
    DELETE FROM open_counts
        WHERE old.state = '办理中' AND pane = 'supervision' AND due = old.deadline AND n <= 0;
    INSERT INTO open_counts(pane, due, n)
        SELECT 'supervision', new.deadline, 1 WHERE new.state = '办理中'
        ON CONFLICT(pane, due) DO UPDATE SET n = n + 1;
END;

-- The search rows. Each text ends in two spaces so that every character of it is followed
-- by two more (see store::queries::search).
CREATE VIRTUAL TABLE documents_search USING fts5(text, tokenize = 'trigram');
CREATE VIRTUAL TABLE supervision_search USING fts5(text, tokenize = 'trigram');

INSERT INTO documents_search(rowid, text)
    SELECT d.id, d.title || ' ' || d.doc_no || ' ' || coalesce(dep.name, '') || ' '
                 || coalesce(p.name || ' ' || p.login, '') || '  '
    FROM documents d
    LEFT JOIN departments dep ON dep.id = d.from_dept
    LEFT JOIN people p ON p.id = d.leader_id
    WHERE d.state = '待批';
INSERT INTO supervision_search(rowid, text)
    SELECT s.id, s.title || ' ' || s.ext_id || ' ' || coalesce(dep.name, '') || '  '
    FROM supervision s
    LEFT JOIN departments dep ON dep.id = s.lead_dept
    WHERE s.state = '办理中';

CREATE TRIGGER documents_search_insert AFTER INSERT ON documents
WHEN new.state = '待批' BEGIN
    INSERT INTO documents_search(rowid, text) VALUES (new.id,
        new.title || ' ' || new.doc_no || ' '
        || coalesce((SELECT name FROM departments WHERE id = new.from_dept), '') || ' '
        || coalesce((SELECT name || ' ' || login FROM people WHERE id = new.leader_id), '')
        || '  ');
END;
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents
WHEN old.state = '待批' BEGIN
    DELETE FROM documents_search WHERE rowid = old.id;
END;
CREATE TRIGGER documents_search_update AFTER UPDATE OF state, title, doc_no, from_dept, leader_id
ON documents WHEN old.state = '待批' OR new.state = '待批' BEGIN
    DELETE FROM documents_search WHERE rowid = old.id;
    INSERT INTO documents_search(rowid, text) SELECT new.id,
        new.title || ' ' || new.doc_no || ' '
        || coalesce((SELECT name FROM departments WHERE id = new.from_dept), '') || ' '
        || coalesce((SELECT name || ' ' || login FROM people WHERE id = new.leader_id), '')
        || '  '
        WHERE new.state = '待批';
END;

CREATE TRIGGER supervision_search_insert AFTER INSERT ON supervision
WHEN new.state = '办理中' BEGIN
    INSERT INTO supervision_search(rowid, text) VALUES (new.id,
        new.title || ' ' || new.ext_id || ' '
        || coalesce((SELECT name FROM departments WHERE id = new.lead_dept), '') || '  ');
END;
CREATE TRIGGER supervision_search_delete AFTER DELETE ON supervision
WHEN old.state = '办理中' BEGIN
    DELETE FROM supervision_search WHERE rowid = old.id;
END;
CREATE TRIGGER supervision_search_update AFTER UPDATE OF state, title, ext_id, lead_dept
ON supervision WHEN old.state = '办理中' OR new.state = '办理中' BEGIN
    DELETE FROM supervision_search WHERE rowid = old.id;
    INSERT INTO supervision_search(rowid, text) SELECT new.id,
        new.title || ' ' || new.ext_id || ' '
        || coalesce((SELECT name FROM departments WHERE id = new.lead_dept), '') || '  '
        WHERE new.state = '办理中';
END;

-- A renamed department or person: the open items that show the name are searched by
-- the new one.
CREATE TRIGGER departments_search_rename AFTER UPDATE OF name ON departments
WHEN old.name IS NOT new.name BEGIN
    DELETE FROM documents_search
        WHERE rowid IN (SELECT id FROM documents WHERE from_dept = new.id AND state = '待批');
    INSERT INTO documents_search(rowid, text)
        SELECT d.id, d.title || ' ' || d.doc_no || ' ' || new.name || ' '
                     || coalesce(p.name || ' ' || p.login, '') || '  '
        FROM documents d LEFT JOIN people p ON p.id = d.leader_id
        WHERE d.from_dept = new.id AND d.state = '待批';
    DELETE FROM supervision_search
        WHERE rowid IN (SELECT id FROM supervision WHERE lead_dept = new.id AND state = '办理中');
    INSERT INTO supervision_search(rowid, text)
        SELECT s.id, s.title || ' ' || s.ext_id || ' ' || new.name || '  '
        FROM supervision s WHERE s.lead_dept = new.id AND s.state = '办理中';
END;
CREATE TRIGGER people_search_rename AFTER UPDATE OF name, login ON people
WHEN old.name IS NOT new.name OR old.login IS NOT new.login BEGIN
    DELETE FROM documents_search
        WHERE rowid IN (SELECT id FROM documents WHERE leader_id = new.id AND state = '待批');
    INSERT INTO documents_search(rowid, text)
        SELECT d.id, d.title || ' ' || d.doc_no || ' ' || coalesce(dep.name, '') || ' '
                     || new.name || ' ' || new.login || '  '
        FROM documents d LEFT JOIN departments dep ON dep.id = d.from_dept
        WHERE d.leader_id = new.id AND d.state = '待批';
END;

CREATE INDEX documents_pending_by_urgency ON documents(urgency, due, id) WHERE state = '待批';
-- For the renames above.
CREATE INDEX documents_pending_by_from ON documents(from_dept) WHERE state = '待批';
CREATE INDEX supervision_open_by_lead ON supervision(lead_dept) WHERE state = '办理中';

-- The search rows' terms, for filters of one or two characters (store::queries::search).
CREATE VIRTUAL TABLE documents_search_terms USING fts5vocab(documents_search, 'row');
CREATE VIRTUAL TABLE supervision_search_terms USING fts5vocab(supervision_search, 'row');

-- A fetched row's countersign replies and leave requests, by their item.
CREATE INDEX IF NOT EXISTS countersigns_by_document ON countersigns(document_id);
CREATE INDEX IF NOT EXISTS leave_requests_by_meeting ON leave_requests(meeting_id);
