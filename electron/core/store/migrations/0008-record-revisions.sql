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
