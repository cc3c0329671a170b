-- Schema version 7: office work at the keyboard.
-- Short names a department is known by (住建局 for 区住房和城乡建设局), one per line, so the
-- pickers find it; the attachments a registered document came with; a meeting's actual
-- start when held, and why it was cancelled.
ALTER TABLE departments ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN attachments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN held_at TEXT;
ALTER TABLE meetings ADD COLUMN cancel_reason TEXT;
