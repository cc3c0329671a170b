-- Schema version 4: indexes for the 督查通报 (dutydesk report and the board's 通报 view).
-- Additive only: every figure of a period is read by a range scan over one of these, so a
-- year's report costs the items of that year, not the whole history.

-- Items assigned in a period (received), and items closed in it or still in flight at its end.
CREATE INDEX IF NOT EXISTS supervision_by_assigned ON supervision(assigned);
CREATE INDEX IF NOT EXISTS supervision_by_closed ON supervision(closed_on)
    WHERE closed_on IS NOT NULL;
-- Extensions granted, urges sent and 回头看 notes recorded in a period.
CREATE INDEX IF NOT EXISTS extensions_by_at ON extensions(at);
CREATE INDEX IF NOT EXISTS notices_by_at ON notices(at);
CREATE INDEX IF NOT EXISTS progress_by_date ON progress_notes(on_date);
-- Documents signed in a period (approval time against the district's limit).
CREATE INDEX IF NOT EXISTS documents_by_signed ON documents(signed_on)
    WHERE signed_on IS NOT NULL;
