-- Twenty years of board at day-one speed (issue 17), and search that finds (issue 15).
--
-- 1. An index on every foreign key and on the columns screens filter and sort by, so a meeting's
--    record, an action's updates, a member's or priority's uses and a filtered action log are each
--    an indexed lookup instead of a scan of the whole table.
-- 2. Sortable period keys, computed once when a figure is written ('start/end' ISO dates, or
--    '~text' for a label that cannot be read): the database orders and filters periods by index.
--    cpb_period_key() is the app's own function (shared/domain/period-key.ts), registered on every
--    connection CPB opens; the triggers fill in a key only when a writer left it out.
-- 3. The search index keyed by rowid (record id × 16 + kind), so a save replaces only its own row
--    instead of scanning the whole index for an UNINDEXED kind and id; English stemming (porter:
--    "placements" finds "placement"); members and papers indexed beside minutes, decisions,
--    actions and their updates, commentary and voice entries.

-- ---- 0. When the file last passed a full integrity check: opening it again that day takes the
--         quick check (store/board-file.ts). Kept apart from the board's own data.
CREATE TABLE file_check (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  full_check_on TEXT NOT NULL CHECK (date(full_check_on) = full_check_on)
);

-- ---- 1. Indexes on foreign keys and filter columns
CREATE INDEX IF NOT EXISTS plan_action_priority ON plan_action (priority_id);
CREATE INDEX IF NOT EXISTS measure_priority ON measure (priority_id);
CREATE INDEX IF NOT EXISTS measure_live ON measure (archived, sort);
CREATE INDEX IF NOT EXISTS meeting_date ON meeting (date, id);
CREATE INDEX IF NOT EXISTS meeting_status ON meeting (status, date);
CREATE INDEX IF NOT EXISTS meeting_chair ON meeting (chair_member_id);
CREATE INDEX IF NOT EXISTS meeting_approved_at ON meeting (approved_at_meeting_id);
CREATE INDEX IF NOT EXISTS attendance_member ON attendance (member_id);
CREATE INDEX IF NOT EXISTS attendance_substitute_for ON attendance (substitute_for_member_id);
CREATE INDEX IF NOT EXISTS declaration_member ON declaration (member_id);
CREATE INDEX IF NOT EXISTS declaration_item ON declaration (agenda_item_id);
CREATE INDEX IF NOT EXISTS action_owner ON action (owner_member_id, owner_name);
CREATE INDEX IF NOT EXISTS action_agreed_owner ON action (agreed_owner_member_id);
CREATE INDEX IF NOT EXISTS action_priority ON action (priority_id);
CREATE INDEX IF NOT EXISTS action_agreed_priority ON action (agreed_priority_id);
-- The action log's filters: outstanding and overdue by due date, by status, by urgency.
CREATE INDEX IF NOT EXISTS action_status_due ON action (status, due_date);
-- The outstanding actions by due date: the dashboard's most overdue, and the counts it shows.
CREATE INDEX IF NOT EXISTS action_outstanding_due ON action (due_date, id) WHERE status IN ('open', 'in_progress');
CREATE INDEX IF NOT EXISTS action_urgency ON action (urgency);
CREATE INDEX IF NOT EXISTS action_update_meeting ON action_update (meeting_id);
-- The latest update of an action by a join: newest date, then newest recorded.
CREATE INDEX IF NOT EXISTS action_update_latest ON action_update (action_id, date DESC, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS voice_entry_said ON voice_entry (said_date, id);
CREATE INDEX IF NOT EXISTS voice_entry_status ON voice_entry (status, said_date);
CREATE INDEX IF NOT EXISTS voice_entry_priority ON voice_entry (priority_id);
CREATE INDEX IF NOT EXISTS voice_entry_meeting ON voice_entry (meeting_id);
CREATE INDEX IF NOT EXISTS minutes_amendment_item ON minutes_amendment (agenda_item_id);
CREATE INDEX IF NOT EXISTS link_action ON link (action_id) WHERE action_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS link_to_priority ON link (to_priority_id) WHERE to_priority_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS link_to_pledge ON link (to_pledge_id) WHERE to_pledge_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS link_to_principle ON link (to_principle_id) WHERE to_principle_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS snapshot_row_measure ON snapshot_row (measure_id);
CREATE INDEX IF NOT EXISTS bin_kind_record ON bin (kind, record_id);
-- The clerk's meeting (0012): arrivals and departures name agenda items; standing reports are planned.
CREATE INDEX IF NOT EXISTS attendance_arrived_item ON attendance (arrived_item_id) WHERE arrived_item_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS attendance_left_item ON attendance (left_item_id) WHERE left_item_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS planned_report_standing ON planned_report (standing_report_id) WHERE standing_report_id IS NOT NULL;

-- ---- 2. Sortable period keys
ALTER TABLE measure_value ADD COLUMN period_key TEXT NOT NULL DEFAULT '';
ALTER TABLE comparator ADD COLUMN period_key TEXT NOT NULL DEFAULT '';
ALTER TABLE cohort_value ADD COLUMN period_key TEXT NOT NULL DEFAULT '';
UPDATE measure_value SET period_key = cpb_period_key(period);
UPDATE comparator SET period_key = cpb_period_key(period);
UPDATE cohort_value SET period_key = cpb_period_key(period);
-- Covering (the period and the figure are in the index): a scorecard reads every series from the
-- index alone, in period order.
CREATE INDEX measure_value_key ON measure_value (measure_id, period_key, period, value);
CREATE INDEX comparator_key ON comparator (measure_id, kind, period_key, period, value);
CREATE INDEX cohort_value_key ON cohort_value (period_key);

CREATE TRIGGER measure_value_key_ai AFTER INSERT ON measure_value WHEN NEW.period_key = '' BEGIN
  UPDATE measure_value SET period_key = cpb_period_key(NEW.period) WHERE id = NEW.id;
END;
CREATE TRIGGER measure_value_key_au AFTER UPDATE OF period ON measure_value BEGIN
  UPDATE measure_value SET period_key = cpb_period_key(NEW.period) WHERE id = NEW.id;
END;
CREATE TRIGGER comparator_key_ai AFTER INSERT ON comparator WHEN NEW.period_key = '' BEGIN
  UPDATE comparator SET period_key = cpb_period_key(NEW.period) WHERE id = NEW.id;
END;
CREATE TRIGGER comparator_key_au AFTER UPDATE OF period ON comparator BEGIN
  UPDATE comparator SET period_key = cpb_period_key(NEW.period) WHERE id = NEW.id;
END;
CREATE TRIGGER cohort_value_key_ai AFTER INSERT ON cohort_value WHEN NEW.period_key = '' BEGIN
  UPDATE cohort_value SET period_key = cpb_period_key(NEW.period) WHERE id = NEW.id;
END;
CREATE TRIGGER cohort_value_key_au AFTER UPDATE OF period ON cohort_value BEGIN
  UPDATE cohort_value SET period_key = cpb_period_key(NEW.period) WHERE id = NEW.id;
END;

-- ---- 3. The search index, keyed by rowid = record id * 16 + kind
-- kinds: 1 agenda item (title, minutes), 2 decision, 3 action, 4 action update, 5 measure
-- (code, title, commentary), 6 voice entry, 7 member, 8 paper.
DROP TRIGGER fts_item_ai;
DROP TRIGGER fts_item_au;
DROP TRIGGER fts_item_ad;
DROP TRIGGER fts_decision_ai;
DROP TRIGGER fts_decision_au;
DROP TRIGGER fts_decision_ad;
DROP TRIGGER fts_action_ai;
DROP TRIGGER fts_action_au;
DROP TRIGGER fts_action_ad;
DROP TRIGGER fts_action_update_ai;
DROP TRIGGER fts_action_update_ad;
DROP TRIGGER fts_measure_ai;
DROP TRIGGER fts_measure_au;
DROP TRIGGER fts_measure_ad;
DROP TRIGGER fts_voice_ai;
DROP TRIGGER fts_voice_au;
DROP TRIGGER fts_voice_ad;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
  title, body, tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO search_index (rowid, title, body) SELECT id * 16 + 1, title, minutes_text FROM agenda_item;
INSERT INTO search_index (rowid, title, body) SELECT id * 16 + 2, '', text FROM decision;
INSERT INTO search_index (rowid, title, body) SELECT id * 16 + 3, owner_name, description FROM action;
INSERT INTO search_index (rowid, title, body) SELECT id * 16 + 4, '', text FROM action_update;
INSERT INTO search_index (rowid, title, body)
  SELECT id * 16 + 5, code || ' ' || title, commentary_working || ' ' || commentary_worried || ' ' || commentary_next
  FROM measure;
INSERT INTO search_index (rowid, title, body) SELECT id * 16 + 6, said, did FROM voice_entry;
INSERT INTO search_index (rowid, title, body)
  SELECT id * 16 + 7, name, trim(job_title || ' ' || organisation) FROM member;
INSERT INTO search_index (rowid, title, body) SELECT id * 16 + 8, label, '' FROM agenda_paper;

CREATE TRIGGER fts_item_ai AFTER INSERT ON agenda_item BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 1, NEW.title, NEW.minutes_text);
END;
CREATE TRIGGER fts_item_au AFTER UPDATE OF title, minutes_text ON agenda_item BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 1;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 1, NEW.title, NEW.minutes_text);
END;
CREATE TRIGGER fts_item_ad AFTER DELETE ON agenda_item BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 1;
END;

CREATE TRIGGER fts_decision_ai AFTER INSERT ON decision BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 2, '', NEW.text);
END;
CREATE TRIGGER fts_decision_au AFTER UPDATE OF text ON decision BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 2;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 2, '', NEW.text);
END;
CREATE TRIGGER fts_decision_ad AFTER DELETE ON decision BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 2;
END;

CREATE TRIGGER fts_action_ai AFTER INSERT ON action BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 3, NEW.owner_name, NEW.description);
END;
CREATE TRIGGER fts_action_au AFTER UPDATE OF description, owner_name ON action BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 3;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 3, NEW.owner_name, NEW.description);
END;
CREATE TRIGGER fts_action_ad AFTER DELETE ON action BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 3;
END;

CREATE TRIGGER fts_action_update_ai AFTER INSERT ON action_update BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 4, '', NEW.text);
END;
CREATE TRIGGER fts_action_update_au AFTER UPDATE OF text ON action_update BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 4;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 4, '', NEW.text);
END;
CREATE TRIGGER fts_action_update_ad AFTER DELETE ON action_update BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 4;
END;

CREATE TRIGGER fts_measure_ai AFTER INSERT ON measure BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 5, NEW.code || ' ' || NEW.title,
    NEW.commentary_working || ' ' || NEW.commentary_worried || ' ' || NEW.commentary_next);
END;
CREATE TRIGGER fts_measure_au AFTER UPDATE OF code, title, commentary_working, commentary_worried, commentary_next ON measure BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 5;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 5, NEW.code || ' ' || NEW.title,
    NEW.commentary_working || ' ' || NEW.commentary_worried || ' ' || NEW.commentary_next);
END;
CREATE TRIGGER fts_measure_ad AFTER DELETE ON measure BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 5;
END;

CREATE TRIGGER fts_voice_ai AFTER INSERT ON voice_entry BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 6, NEW.said, NEW.did);
END;
CREATE TRIGGER fts_voice_au AFTER UPDATE OF said, did ON voice_entry BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 6;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 6, NEW.said, NEW.did);
END;
CREATE TRIGGER fts_voice_ad AFTER DELETE ON voice_entry BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 6;
END;

CREATE TRIGGER fts_member_ai AFTER INSERT ON member BEGIN
  INSERT INTO search_index (rowid, title, body)
    VALUES (NEW.id * 16 + 7, NEW.name, trim(NEW.job_title || ' ' || NEW.organisation));
END;
CREATE TRIGGER fts_member_au AFTER UPDATE OF name, job_title, organisation ON member BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 7;
  INSERT INTO search_index (rowid, title, body)
    VALUES (NEW.id * 16 + 7, NEW.name, trim(NEW.job_title || ' ' || NEW.organisation));
END;
CREATE TRIGGER fts_member_ad AFTER DELETE ON member BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 7;
END;

CREATE TRIGGER fts_paper_ai AFTER INSERT ON agenda_paper BEGIN
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 8, NEW.label, '');
END;
CREATE TRIGGER fts_paper_au AFTER UPDATE OF label ON agenda_paper BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 8;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 8, NEW.label, '');
END;
CREATE TRIGGER fts_paper_ad AFTER DELETE ON agenda_paper BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 8;
END;
