-- The scorecard item minuted measure by measure: a short note per measure discussed, and the
-- decisions and actions agreed tied to the measure they are about. Notes are part of the minutes,
-- so approved minutes refuse changes to them, as they do to the item's own text.
CREATE TABLE measure_note (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
  measure_id INTEGER NOT NULL REFERENCES measure(id),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  updated_at TEXT NOT NULL,
  UNIQUE (agenda_item_id, measure_id)
);
CREATE INDEX measure_note_measure ON measure_note (measure_id);

ALTER TABLE decision ADD COLUMN measure_id INTEGER REFERENCES measure(id) ON DELETE SET NULL;
ALTER TABLE action ADD COLUMN measure_id INTEGER REFERENCES measure(id) ON DELETE SET NULL;
CREATE INDEX decision_measure ON decision (measure_id) WHERE measure_id IS NOT NULL;
CREATE INDEX action_measure ON action (measure_id) WHERE measure_id IS NOT NULL;

CREATE TRIGGER measure_note_locked_insert BEFORE INSERT ON measure_note
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = NEW.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER measure_note_locked_update BEFORE UPDATE ON measure_note
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER measure_note_locked_delete BEFORE DELETE ON measure_note
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
-- Which measure an approved action was about is part of what was minuted.
CREATE TRIGGER action_locked_measure BEFORE UPDATE OF measure_id ON action
WHEN OLD.meeting_id IS NOT NULL AND (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; the action as minuted cannot be changed'); END;
