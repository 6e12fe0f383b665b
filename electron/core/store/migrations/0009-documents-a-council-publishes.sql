-- Documents a council publishes (issue 14): what the minutes and the agenda pack need that the
-- record did not hold.

-- The board's publishing settings: the contact officer and summons on the agenda's front sheet,
-- the public-access and filming notice ('' = the standard wording), whether public documents
-- name young people by first name only, and how minutes are numbered (CPB/26/27/14: the prefix,
-- then the municipal year, which starts in the month given).
ALTER TABLE board ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE board ADD COLUMN contact_title TEXT NOT NULL DEFAULT '';
ALTER TABLE board ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE board ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE board ADD COLUMN summons_by TEXT NOT NULL DEFAULT '';
ALTER TABLE board ADD COLUMN public_notice TEXT NOT NULL DEFAULT '';
ALTER TABLE board ADD COLUMN young_people_first_names INTEGER NOT NULL DEFAULT 1
  CHECK (young_people_first_names IN (0, 1));
ALTER TABLE board ADD COLUMN minute_prefix TEXT NOT NULL DEFAULT 'CPB'
  CHECK (length(trim(minute_prefix)) BETWEEN 1 AND 20);
ALTER TABLE board ADD COLUMN year_start_month INTEGER NOT NULL DEFAULT 5
  CHECK (year_start_month BETWEEN 1 AND 12);

-- Per agenda item: the Schedule 12A paragraph (1–7) a Part B item is exempt under, the title the
-- public documents print instead of the real one, and the report's author, purpose and
-- recommendations for the agenda pack.
ALTER TABLE agenda_item ADD COLUMN exempt_para INTEGER CHECK (exempt_para IS NULL OR exempt_para BETWEEN 1 AND 7);
ALTER TABLE agenda_item ADD COLUMN public_title TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_item ADD COLUMN report_author TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_item ADD COLUMN report_purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_item ADD COLUMN recommendations TEXT NOT NULL DEFAULT '';

-- The paragraph was free text ('Paragraph 1 — information relating to an individual'): its number
-- is kept where one can be read (a single digit 1–7 after "paragraph"/"para", or leading the text);
-- otherwise it is left empty and the app asks for it when the item is next saved.
-- Approved items are locked by a trigger; it steps aside for this one update and comes straight back.
DROP TRIGGER agenda_item_locked_update;
UPDATE agenda_item SET exempt_para = CASE
    WHEN lower(exempt_paragraph) || ' ' GLOB '*paragraph [1-7][^0-9]*'
      THEN CAST(substr(exempt_paragraph, instr(lower(exempt_paragraph), 'paragraph ') + 10, 1) AS INTEGER)
    WHEN lower(exempt_paragraph) || ' ' GLOB '*para [1-7][^0-9]*'
      THEN CAST(substr(exempt_paragraph, instr(lower(exempt_paragraph), 'para ') + 5, 1) AS INTEGER)
    WHEN lower(exempt_paragraph) || ' ' GLOB '*paragraph[1-7][^0-9]*'
      THEN CAST(substr(exempt_paragraph, instr(lower(exempt_paragraph), 'paragraph') + 9, 1) AS INTEGER)
    WHEN trim(exempt_paragraph) || ' ' GLOB '[1-7][^0-9]*'
      THEN CAST(substr(trim(exempt_paragraph), 1, 1) AS INTEGER)
  END
WHERE exempt = 1;
CREATE TRIGGER agenda_item_locked_update BEFORE UPDATE ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
ALTER TABLE agenda_item DROP COLUMN exempt_paragraph;

-- Per meeting: when it closed (HH:MM, recorded when it ends), when its agenda was published, and
-- its minute numbers, fixed when the minutes are approved (series 'CPB/26/27', first number 14)
-- so approved minutes never renumber.
ALTER TABLE meeting ADD COLUMN closing_time TEXT
  CHECK (closing_time IS NULL OR closing_time GLOB '[01][0-9]:[0-5][0-9]' OR closing_time GLOB '2[0-3]:[0-5][0-9]');
ALTER TABLE meeting ADD COLUMN published_on TEXT CHECK (published_on IS NULL OR date(published_on) = published_on);
ALTER TABLE meeting ADD COLUMN minute_series TEXT;
ALTER TABLE meeting ADD COLUMN minute_start INTEGER CHECK (minute_start IS NULL OR minute_start >= 1);

-- Meetings already approved take the numbers they would have had: minutes run through the
-- municipal year (from May) across the meetings held in it, one per item and one for the
-- exclusion of the press and public where there were Part B items.
DROP TRIGGER meeting_locked;
WITH held AS (
  SELECT m.id, m.date,
    CAST(strftime('%Y', m.date) AS INTEGER) - (CAST(strftime('%m', m.date) AS INTEGER) < 5) AS y,
    (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id)
      + (SELECT count(*) > 0 FROM agenda_item a WHERE a.meeting_id = m.id AND a.exempt = 1) AS n
  FROM meeting m WHERE m.status IN ('in_progress', 'minutes_draft', 'minutes_approved')
),
numbered AS (
  SELECT id, y,
    1 + coalesce(sum(n) OVER (PARTITION BY y ORDER BY date, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start
  FROM held
)
UPDATE meeting SET
  minute_series = 'CPB/' || printf('%02d', numbered.y % 100) || '/' || printf('%02d', (numbered.y + 1) % 100),
  minute_start = numbered.start
FROM numbered WHERE numbered.id = meeting.id AND meeting.status = 'minutes_approved';
CREATE TRIGGER meeting_locked BEFORE UPDATE ON meeting
WHEN OLD.status = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
