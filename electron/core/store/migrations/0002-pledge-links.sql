-- Pledges (promises) can be linked to the 7 Corporate Parenting Principles, like priorities.
-- SQLite cannot alter a CHECK constraint, so the link table is rebuilt with a pledge_id subject.
-- Nothing references link, so dropping it is safe with foreign_keys on.
CREATE TABLE link_new (
  id INTEGER PRIMARY KEY,
  priority_id INTEGER REFERENCES priority(id) ON DELETE CASCADE,
  plan_action_id INTEGER REFERENCES plan_action(id) ON DELETE CASCADE,
  measure_id INTEGER REFERENCES measure(id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE CASCADE,
  action_id INTEGER REFERENCES action(id) ON DELETE CASCADE,
  to_priority_id INTEGER REFERENCES priority(id) ON DELETE CASCADE,
  to_pledge_id INTEGER REFERENCES pledge(id) ON DELETE CASCADE,
  to_principle_id INTEGER REFERENCES principle(id),
  pledge_id INTEGER REFERENCES pledge(id) ON DELETE CASCADE,
  CHECK ((priority_id IS NOT NULL) + (plan_action_id IS NOT NULL) + (measure_id IS NOT NULL)
       + (agenda_item_id IS NOT NULL) + (action_id IS NOT NULL) + (pledge_id IS NOT NULL) = 1),
  CHECK ((to_priority_id IS NOT NULL) + (to_pledge_id IS NOT NULL) + (to_principle_id IS NOT NULL) = 1),
  CHECK (priority_id IS NULL OR to_priority_id IS NULL),
  CHECK (pledge_id IS NULL OR to_pledge_id IS NULL)
);
INSERT INTO link_new (id, priority_id, plan_action_id, measure_id, agenda_item_id, action_id,
                      to_priority_id, to_pledge_id, to_principle_id)
  SELECT id, priority_id, plan_action_id, measure_id, agenda_item_id, action_id,
         to_priority_id, to_pledge_id, to_principle_id
  FROM link;
DROP TABLE link;
ALTER TABLE link_new RENAME TO link;
CREATE UNIQUE INDEX link_unique ON link (
  ifnull(priority_id, 0), ifnull(plan_action_id, 0), ifnull(measure_id, 0), ifnull(agenda_item_id, 0),
  ifnull(action_id, 0), ifnull(pledge_id, 0), ifnull(to_priority_id, 0), ifnull(to_pledge_id, 0),
  ifnull(to_principle_id, 0));
