-- Indexes on the parent ids child tables are read by: a meeting's record, an action's updates,
-- a measure's or priority's links and a plan action's updates are each one indexed lookup
-- instead of a scan of the whole table. No data changes.
CREATE INDEX agenda_paper_item ON agenda_paper (agenda_item_id, sort);
CREATE INDEX decision_item ON decision (agenda_item_id, position);
CREATE INDEX declaration_meeting ON declaration (meeting_id);
CREATE INDEX action_meeting ON action (meeting_id);
CREATE INDEX action_item ON action (agenda_item_id);
CREATE INDEX action_update_action ON action_update (action_id, date);
CREATE INDEX minutes_amendment_meeting ON minutes_amendment (meeting_id);
CREATE INDEX snapshot_meeting ON snapshot (meeting_id);
CREATE INDEX link_agenda_item ON link (agenda_item_id) WHERE agenda_item_id IS NOT NULL;
CREATE INDEX link_measure ON link (measure_id) WHERE measure_id IS NOT NULL;
CREATE INDEX link_priority ON link (priority_id) WHERE priority_id IS NOT NULL;
CREATE INDEX link_pledge ON link (pledge_id) WHERE pledge_id IS NOT NULL;
CREATE INDEX link_plan_action ON link (plan_action_id) WHERE plan_action_id IS NOT NULL;
CREATE INDEX plan_update_action ON plan_update (plan_action_id);
