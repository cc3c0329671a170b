-- Schema version 6: what the rule gaps of the seeds need (additive only).

-- 东昌 二十八: a matter needing the government's decision by a date leaves it 14 / 7
-- working days; a 特别紧急 one carries the reason for its urgency.
ALTER TABLE documents ADD COLUMN needed_by TEXT;
ALTER TABLE documents ADD COLUMN urgent_reason TEXT;

-- The department that asked for a meeting (信州 二十四, 环翠 55, 东昌 二十六: one
-- district-wide meeting per department a year).
ALTER TABLE meetings ADD COLUMN requested_by INTEGER REFERENCES departments(id);
-- 崆峒 四十七: minutes drafted (起草) within 2 working days, then signed by the chair.
ALTER TABLE meetings ADD COLUMN minutes_drafted_on TEXT;
-- 崆峒 四十二: after a 常务会议, reported to the 区委 and 区人大常委会, the 区政协 informed.
ALTER TABLE meetings ADD COLUMN reported_on TEXT;

CREATE INDEX meetings_by_requester ON meetings(requested_by, start_at)
    WHERE requested_by IS NOT NULL;
CREATE INDEX meetings_owing_report ON meetings(kind, start_at)
    WHERE reported_on IS NULL AND state <> '已取消';
