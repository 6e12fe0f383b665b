-- The rules of the record (issue 11): what a meeting's approved minutes show cannot change
-- afterwards, changes to a started meeting's agenda are recorded rather than deleted, and
-- Part B (exempt) is a property of the decisions and actions themselves, not only of the item.

-- A meeting started before its day says why (the override is part of the record).
ALTER TABLE meeting ADD COLUMN early_start_reason TEXT NOT NULL DEFAULT '';

-- Once a meeting has started, an item taken off the agenda is withdrawn (kept, with its minutes),
-- and an item added is urgent business.
ALTER TABLE agenda_item ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1));
ALTER TABLE agenda_item ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1));

-- Exemption travels with the content: copied from the item when recorded, kept when the item goes.
ALTER TABLE decision ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1));
ALTER TABLE action ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1));
-- Approved decisions are locked by a trigger; it steps aside for this one update and comes straight back.
DROP TRIGGER decision_locked_update;
UPDATE decision SET exempt = (SELECT exempt FROM agenda_item WHERE id = decision.agenda_item_id);
CREATE TRIGGER decision_locked_update BEFORE UPDATE ON decision
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
UPDATE action SET exempt = 1
WHERE agenda_item_id IS NOT NULL AND (SELECT exempt FROM agenda_item WHERE id = action.agenda_item_id) = 1;

CREATE TRIGGER decision_exempt_from_item AFTER INSERT ON decision BEGIN
  UPDATE decision SET exempt = 1
  WHERE id = NEW.id AND (SELECT exempt FROM agenda_item WHERE id = NEW.agenda_item_id) = 1;
END;
CREATE TRIGGER action_exempt_from_item AFTER INSERT ON action WHEN NEW.agenda_item_id IS NOT NULL BEGIN
  UPDATE action SET exempt = 1
  WHERE id = NEW.id AND (SELECT exempt FROM agenda_item WHERE id = NEW.agenda_item_id) = 1;
END;
-- Marking an item Part B (or taking the mark off) carries its decisions and actions with it.
CREATE TRIGGER item_exempt_to_content AFTER UPDATE OF exempt ON agenda_item BEGIN
  UPDATE decision SET exempt = NEW.exempt WHERE agenda_item_id = NEW.id AND exempt <> NEW.exempt;
  UPDATE action SET exempt = NEW.exempt WHERE agenda_item_id = NEW.id AND exempt <> NEW.exempt;
END;
-- An action moved to another item keeps its exemption, and takes the new item's if that is Part B.
CREATE TRIGGER action_exempt_follows_move AFTER UPDATE OF agenda_item_id ON action
WHEN NEW.agenda_item_id IS NOT NULL BEGIN
  UPDATE action SET exempt = 1
  WHERE id = NEW.id AND (SELECT exempt FROM agenda_item WHERE id = NEW.agenda_item_id) = 1;
END;

-- The action as agreed at the meeting: what the minutes print. It follows the action while the
-- minutes are open and is frozen when they are approved; the action log shows the live values.
ALTER TABLE action ADD COLUMN agreed_description TEXT;
ALTER TABLE action ADD COLUMN agreed_owner_member_id INTEGER REFERENCES member(id) ON DELETE SET NULL;
ALTER TABLE action ADD COLUMN agreed_owner_name TEXT;
ALTER TABLE action ADD COLUMN agreed_due_date TEXT;
ALTER TABLE action ADD COLUMN agreed_urgency TEXT;
ALTER TABLE action ADD COLUMN agreed_priority_id INTEGER REFERENCES priority(id) ON DELETE SET NULL;
-- Actions already minuted take their current values: the best record there is.
UPDATE action SET agreed_description = description, agreed_owner_member_id = owner_member_id,
  agreed_owner_name = coalesce((SELECT name FROM member WHERE id = action.owner_member_id), owner_name),
  agreed_due_date = due_date, agreed_urgency = urgency, agreed_priority_id = priority_id;

CREATE TRIGGER action_agreed_on_insert AFTER INSERT ON action BEGIN
  UPDATE action SET agreed_description = NEW.description, agreed_owner_member_id = NEW.owner_member_id,
    agreed_owner_name = coalesce((SELECT name FROM member WHERE id = NEW.owner_member_id), NEW.owner_name),
    agreed_due_date = NEW.due_date, agreed_urgency = NEW.urgency, agreed_priority_id = NEW.priority_id
  WHERE id = NEW.id;
END;
CREATE TRIGGER action_agreed_while_open AFTER UPDATE OF description, owner_member_id, owner_name, due_date, urgency, priority_id ON action
WHEN NEW.meeting_id IS NULL OR (SELECT status FROM meeting WHERE id = NEW.meeting_id) IS NOT 'minutes_approved'
BEGIN
  UPDATE action SET agreed_description = NEW.description, agreed_owner_member_id = NEW.owner_member_id,
    agreed_owner_name = coalesce((SELECT name FROM member WHERE id = NEW.owner_member_id), NEW.owner_name),
    agreed_due_date = NEW.due_date, agreed_urgency = NEW.urgency, agreed_priority_id = NEW.priority_id
  WHERE id = NEW.id;
END;
CREATE TRIGGER action_agreed_locked BEFORE UPDATE OF agreed_description, agreed_owner_name, agreed_due_date, agreed_urgency ON action
WHEN OLD.meeting_id IS NOT NULL AND (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; the action as agreed cannot be changed'); END;

-- An approved meeting's items keep the links the minutes were approved with.
CREATE TRIGGER link_item_locked_insert BEFORE INSERT ON link
WHEN NEW.agenda_item_id IS NOT NULL AND (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id
  WHERE a.id = NEW.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER link_item_locked_delete BEFORE DELETE ON link
WHEN OLD.agenda_item_id IS NOT NULL AND (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id
  WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER link_item_locked_update BEFORE UPDATE ON link
WHEN OLD.agenda_item_id IS NOT NULL AND (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id
  WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
