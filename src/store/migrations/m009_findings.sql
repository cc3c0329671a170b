-- Schema version 9: the 合规 check walks only what its rules govern. Additive only.

-- A row imported as already settled (`import --migration` of a signed, returned, closed,
-- held or cancelled item; the settled history `bench` adds) is history: the rules about
-- what follows settlement (printing and publishing, minutes, meeting documents, the
-- report after a meeting, the 回头看) apply to what is recorded here, not to what a
-- former system did not record. 0 for everything registered or acted on here.
ALTER TABLE documents ADD COLUMN imported_settled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE supervision ADD COLUMN imported_settled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN imported_settled INTEGER NOT NULL DEFAULT 0;

-- Each index holds only the rows a rule can still report, so the check reads a range of
-- it and never the history: signed documents owing printing (崆峒 五十三), printed
-- public ones owing publication, meetings owing minutes, documents or a report, closed
-- items whose 回头看 is owed.
CREATE INDEX documents_owing_print ON documents(signed_on)
    WHERE state = '已签批' AND printed_on IS NULL AND imported_settled = 0;
CREATE INDEX documents_owing_publish ON documents(printed_on)
    WHERE state = '已签批' AND printed_on IS NOT NULL AND published_on IS NULL
      AND secrecy = '公开' AND imported_settled = 0;
CREATE INDEX meetings_owing_minutes_here ON meetings(minutes_due)
    WHERE minutes_issued_on IS NULL AND state <> '已取消' AND imported_settled = 0;
CREATE INDEX meetings_owing_docs_here ON meetings(docs_due)
    WHERE docs_owed > 0 AND docs_issued_on IS NULL AND state <> '已取消'
      AND imported_settled = 0;
CREATE INDEX meetings_owing_report_here ON meetings(kind, start_at)
    WHERE reported_on IS NULL AND state <> '已取消' AND imported_settled = 0;
CREATE INDEX supervision_recheck_owed ON supervision(recheck_on)
    WHERE recheck_on IS NOT NULL AND state = '已销号' AND imported_settled = 0;
-- Pending documents with a date they need a decision by (东昌 二十八).
CREATE INDEX documents_pending_needed_by ON documents(needed_by)
    WHERE state = '待批' AND needed_by IS NOT NULL;
