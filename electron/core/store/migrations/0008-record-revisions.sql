-- Every editable record carries a revision, bumped on every update: a save says which revision it
-- started from, and one from a stale copy (another tab, another process) is refused rather than
-- silently overwriting what someone else saved. An agenda item's minutes have their own revision,
-- so autosaving the minutes never makes the item's open details form stale, nor the other way round.
ALTER TABLE agenda_item ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_item ADD COLUMN minutes_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE decision ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE action ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meeting ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measure ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE voice_entry ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_action ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- The audit log is read by person, by record and by date: index what its screens filter on.
CREATE INDEX audit_log_record ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- The other records' revisions are bumped by the database on every update, whichever code path
-- makes it (agenda items are bumped by their own conditional updates above, details and minutes
-- apart). Recursive triggers are off, so the bump does not fire itself.
-- Decisions and actions: only what a person edits counts, not the exempt flag or the "as agreed"
-- copy the board keeps in step by its own triggers (so a restored row keeps its revision).
CREATE TRIGGER decision_revision AFTER UPDATE OF agenda_item_id, position, text, measure_id ON decision
WHEN NEW.revision = OLD.revision
BEGIN UPDATE decision SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
CREATE TRIGGER action_revision AFTER UPDATE OF meeting_id, agenda_item_id, description, owner_member_id,
  owner_name, due_date, urgency, status, priority_id, completed_at, measure_id ON action
WHEN NEW.revision = OLD.revision
BEGIN UPDATE action SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
-- Not on approval itself: an approved meeting is locked (meeting_locked), so the bump would be refused.
CREATE TRIGGER meeting_revision AFTER UPDATE ON meeting
WHEN NEW.revision = OLD.revision AND NEW.status <> 'minutes_approved'
BEGIN UPDATE meeting SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
CREATE TRIGGER member_revision AFTER UPDATE ON member WHEN NEW.revision = OLD.revision
BEGIN UPDATE member SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
CREATE TRIGGER measure_revision AFTER UPDATE ON measure WHEN NEW.revision = OLD.revision
BEGIN UPDATE measure SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
CREATE TRIGGER voice_entry_revision AFTER UPDATE ON voice_entry WHEN NEW.revision = OLD.revision
BEGIN UPDATE voice_entry SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
CREATE TRIGGER plan_action_revision AFTER UPDATE ON plan_action WHEN NEW.revision = OLD.revision
BEGIN UPDATE plan_action SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
