-- Schema version 5: indexes for the 督查通报 (dutydesk report and the board's 通报 view).
-- Additive only. Every figure of a period is a range scan over one of these, and each
-- index carries the columns its query reads (a covering index), so a year's report costs
-- the items of that year read from the index alone, not a table lookup per item.

-- Items assigned in a period (received), by department or source.
CREATE INDEX IF NOT EXISTS supervision_by_assigned
    ON supervision(assigned, lead_dept, source);
-- Items closed in a period, in flight at its end, and the weekly overdue trend.
CREATE INDEX IF NOT EXISTS supervision_by_closed
    ON supervision(closed_on, deadline, assigned, lead_dept, source)
    WHERE closed_on IS NOT NULL;
-- Extensions granted, urges sent and 回头看 notes recorded in a period.
CREATE INDEX IF NOT EXISTS extensions_by_at ON extensions(at, supervision_id);
CREATE INDEX IF NOT EXISTS notices_by_at ON notices(at, supervision_id);
CREATE INDEX IF NOT EXISTS progress_by_date ON progress_notes(on_date);
-- Documents received and signed in a period (approval time against the district's limit).
CREATE INDEX IF NOT EXISTS documents_report_by_received
    ON documents(received, urgency, from_dept, leader_id);
CREATE INDEX IF NOT EXISTS documents_by_signed
    ON documents(signed_on, received, due, urgency, from_dept, leader_id)
    WHERE signed_on IS NOT NULL;
