-- CPB board file, schema 1: the whole domain model of PRODUCT.md.
-- Dates are ISO 'YYYY-MM-DD' text, timestamps ISO 8601 UTC, periods canonical ('2025-26',
-- '2025-26 Q1', '2025-06'). Rules the UI relies on are carried by NOT NULL, CHECK, FKs and triggers.

CREATE TABLE board (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  authority TEXT NOT NULL CHECK (length(trim(authority)) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  logo BLOB,
  logo_mime TEXT CHECK (logo_mime IS NULL OR logo_mime IN ('image/png', 'image/jpeg')),
  quorum_count INTEGER NOT NULL DEFAULT 3 CHECK (quorum_count >= 1),
  quorum_role TEXT NOT NULL DEFAULT 'elected_member'
    CHECK (quorum_role IN ('any', 'elected_member', 'officer', 'partner_agency', 'young_person', 'adviser')),
  quorum_voting_only INTEGER NOT NULL DEFAULT 1 CHECK (quorum_voting_only IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE member (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('elected_member', 'officer', 'partner_agency', 'young_person', 'adviser')),
  job_title TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  voting INTEGER NOT NULL DEFAULT 0 CHECK (voting IN (0, 1)),
  active_from TEXT CHECK (active_from IS NULL OR date(active_from) = active_from),
  active_to TEXT CHECK (active_to IS NULL OR date(active_to) = active_to),
  sort INTEGER NOT NULL DEFAULT 0,
  CHECK (active_from IS NULL OR active_to IS NULL OR active_to >= active_from)
);

CREATE TABLE strategy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL,
  period TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT ''
);

CREATE TABLE priority (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL CHECK (length(trim(code)) > 0),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

CREATE TABLE pledge (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL CHECK (length(trim(code)) > 0),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  collection TEXT NOT NULL DEFAULT 'Pledge',
  sort INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);

-- The 7 Corporate Parenting Principles (Children and Social Work Act 2017, s.1(1)): built in, read-only.
CREATE TABLE principle (
  id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 7),
  code TEXT NOT NULL UNIQUE,
  short_title TEXT NOT NULL,
  wording TEXT NOT NULL
);
INSERT INTO principle (id, code, short_title, wording) VALUES
 (1, 'a', 'Best interests, health and well-being', 'to act in the best interests, and promote the physical and mental health and well-being, of those children and young people;'),
 (2, 'b', 'Views, wishes and feelings', 'to encourage those children and young people to express their views, wishes and feelings;'),
 (3, 'c', 'Take account of views', 'to take into account the views, wishes and feelings of those children and young people;'),
 (4, 'd', 'Access to services', 'to help those children and young people gain access to, and make the best use of, services provided by the local authority and its relevant partners;'),
 (5, 'e', 'High aspirations', 'to promote high aspirations, and seek to secure the best outcomes, for those children and young people;'),
 (6, 'f', 'Safe and stable', 'for those children and young people to be safe, and for stability in their home lives, relationships and education or work;'),
 (7, 'g', 'Preparing for adulthood', 'to prepare those children and young people for adulthood and independent living.');
CREATE TRIGGER principle_read_only_update BEFORE UPDATE ON principle
BEGIN SELECT RAISE(ABORT, 'The Corporate Parenting Principles are set in law and cannot be changed'); END;
CREATE TRIGGER principle_read_only_delete BEFORE DELETE ON principle
BEGIN SELECT RAISE(ABORT, 'The Corporate Parenting Principles are set in law and cannot be deleted'); END;
CREATE TRIGGER principle_read_only_insert BEFORE INSERT ON principle
BEGIN SELECT RAISE(ABORT, 'The Corporate Parenting Principles are set in law and cannot be added to'); END;

-- Action plan (the Stockton table).
CREATE TABLE plan_action (
  id INTEGER PRIMARY KEY,
  priority_id INTEGER REFERENCES priority(id) ON DELETE SET NULL,
  ref TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL CHECK (length(trim(action)) > 0),
  who_where TEXT NOT NULL DEFAULT '',
  leads TEXT NOT NULL DEFAULT '',
  timescale TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'on_track', 'at_risk', 'off_track', 'complete')),
  sort INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE TABLE plan_update (
  id INTEGER PRIMARY KEY,
  plan_action_id INTEGER NOT NULL REFERENCES plan_action(id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date(date) = date),
  author TEXT NOT NULL CHECK (length(trim(author)) > 0),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  created_at TEXT NOT NULL
);

CREATE TABLE measure (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(code)) > 0),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  definition TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL CHECK (unit IN ('percent', 'number', 'days', 'rate10k', 'score')),
  polarity TEXT NOT NULL CHECK (polarity IN ('higher', 'lower', 'neither')),
  target REAL,
  tolerance REAL NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
  frequency TEXT NOT NULL DEFAULT 'quarterly' CHECK (frequency IN ('monthly', 'quarterly', 'annual')),
  owner TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  priority_id INTEGER REFERENCES priority(id) ON DELETE SET NULL,
  commentary_working TEXT NOT NULL DEFAULT '',
  commentary_worried TEXT NOT NULL DEFAULT '',
  commentary_next TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE TABLE measure_value (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  period TEXT NOT NULL CHECK (length(period) > 0),
  value REAL NOT NULL,
  numerator REAL,
  denominator REAL CHECK (denominator IS NULL OR denominator > 0),
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (measure_id, period)
);
CREATE TABLE comparator (
  id INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('england', 'neighbours', 'region')),
  period TEXT NOT NULL CHECK (length(period) > 0),
  value REAL NOT NULL,
  UNIQUE (measure_id, kind, period)
);

CREATE TABLE cohort_value (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL CHECK (length(period) > 0),
  breakdown TEXT NOT NULL
    CHECK (breakdown IN ('age_band', 'gender', 'legal_status', 'placement_type', 'ethnicity', 'time_in_care')),
  category TEXT NOT NULL CHECK (length(trim(category)) > 0),
  count INTEGER NOT NULL CHECK (count >= 0),
  sort INTEGER NOT NULL DEFAULT 0,
  UNIQUE (period, breakdown, category)
);

CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL CHECK (date(date) = date),
  start_time TEXT NOT NULL DEFAULT '10:00' CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  venue TEXT NOT NULL DEFAULT '',
  chair_member_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
  type TEXT NOT NULL DEFAULT 'ordinary' CHECK (type IN ('ordinary', 'extraordinary')),
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'agenda_published', 'in_progress', 'minutes_draft', 'minutes_approved')),
  approved_at TEXT,
  approved_by TEXT,
  approved_at_meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'minutes_approved') = (approved_at IS NOT NULL))
);

CREATE TABLE agenda_item (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('welcome', 'declarations', 'minutes', 'action_log',
    'voice', 'scorecard', 'priority', 'aob', 'next_meeting', 'other')),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  presenter TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT 'information' CHECK (purpose IN ('decision', 'discussion', 'information', 'assurance')),
  minutes_allowed INTEGER CHECK (minutes_allowed IS NULL OR minutes_allowed BETWEEN 1 AND 600),
  exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
  exempt_paragraph TEXT NOT NULL DEFAULT '',
  minutes_doc TEXT NOT NULL DEFAULT '' CHECK (minutes_doc = '' OR json_valid(minutes_doc)),
  minutes_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

CREATE TABLE agenda_paper (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
  label TEXT NOT NULL CHECK (length(trim(label)) > 0),
  ref TEXT NOT NULL CHECK (ref LIKE 'https://%' OR ref LIKE '/%' OR ref GLOB '[A-Za-z]:[\/]*' OR ref LIKE '\\%'),
  sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE attendance (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'substitute')),
  substitute_for_member_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
  PRIMARY KEY (meeting_id, member_id),
  CHECK ((status = 'substitute') = (substitute_for_member_id IS NOT NULL)),
  CHECK (substitute_for_member_id IS NULL OR substitute_for_member_id <> member_id)
);

CREATE TABLE declaration (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  nature TEXT NOT NULL CHECK (length(trim(nature)) > 0)
);

CREATE TABLE decision (
  id INTEGER PRIMARY KEY,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 1,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0)
);

CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  description TEXT NOT NULL CHECK (length(trim(description)) > 0),
  owner_member_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
  owner_name TEXT NOT NULL DEFAULT '',
  due_date TEXT CHECK (due_date IS NULL OR date(due_date) = due_date),
  urgency TEXT NOT NULL DEFAULT 'medium' CHECK (urgency IN ('high', 'medium', 'low')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'complete', 'closed')),
  priority_id INTEGER REFERENCES priority(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  CHECK (owner_member_id IS NOT NULL OR length(trim(owner_name)) > 0)
);
CREATE TABLE action_update (
  id INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date(date) = date),
  author TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE voice_entry (
  id INTEGER PRIMARY KEY,
  said TEXT NOT NULL CHECK (length(trim(said)) > 0),
  did TEXT NOT NULL DEFAULT '',
  said_date TEXT NOT NULL CHECK (date(said_date) = said_date),
  did_date TEXT CHECK (did_date IS NULL OR date(did_date) = did_date),
  source TEXT NOT NULL DEFAULT 'Children in Care Council',
  priority_id INTEGER REFERENCES priority(id) ON DELETE SET NULL,
  meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done'))
);

-- Links from priorities, plan actions, measures, agenda items and voice entries to
-- priorities, pledges and principles. Exactly one subject and one target per row, all FKs.
CREATE TABLE link (
  id INTEGER PRIMARY KEY,
  priority_id INTEGER REFERENCES priority(id) ON DELETE CASCADE,
  plan_action_id INTEGER REFERENCES plan_action(id) ON DELETE CASCADE,
  measure_id INTEGER REFERENCES measure(id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE CASCADE,
  action_id INTEGER REFERENCES action(id) ON DELETE CASCADE,
  to_priority_id INTEGER REFERENCES priority(id) ON DELETE CASCADE,
  to_pledge_id INTEGER REFERENCES pledge(id) ON DELETE CASCADE,
  to_principle_id INTEGER REFERENCES principle(id),
  CHECK ((priority_id IS NOT NULL) + (plan_action_id IS NOT NULL) + (measure_id IS NOT NULL)
       + (agenda_item_id IS NOT NULL) + (action_id IS NOT NULL) = 1),
  CHECK ((to_priority_id IS NOT NULL) + (to_pledge_id IS NOT NULL) + (to_principle_id IS NOT NULL) = 1),
  CHECK (priority_id IS NULL OR to_priority_id IS NULL)
);
CREATE UNIQUE INDEX link_unique ON link (
  ifnull(priority_id, 0), ifnull(plan_action_id, 0), ifnull(measure_id, 0), ifnull(agenda_item_id, 0),
  ifnull(action_id, 0), ifnull(to_priority_id, 0), ifnull(to_pledge_id, 0), ifnull(to_principle_id, 0));

-- Scorecard snapshots: every measure's row frozen for one meeting.
CREATE TABLE snapshot (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  taken_at TEXT NOT NULL
);
CREATE TABLE snapshot_row (
  snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  measure_id INTEGER,
  priority_title TEXT NOT NULL DEFAULT '',
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  unit TEXT NOT NULL,
  polarity TEXT NOT NULL,
  target REAL,
  period TEXT,
  value REAL,
  previous_period TEXT,
  previous_value REAL,
  rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green', 'no_target', 'no_data', 'not_rated')),
  direction TEXT NOT NULL,
  england REAL,
  neighbours REAL,
  region REAL,
  commentary_working TEXT NOT NULL DEFAULT '',
  commentary_worried TEXT NOT NULL DEFAULT '',
  commentary_next TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (snapshot_id, position)
);
CREATE TRIGGER snapshot_row_frozen BEFORE UPDATE ON snapshot_row
BEGIN SELECT RAISE(ABORT, 'A scorecard snapshot is frozen and cannot be changed'); END;

CREATE TABLE minutes_amendment (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  author TEXT NOT NULL CHECK (length(trim(author)) > 0),
  created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Approved minutes are locked in the database, not only in the UI.
CREATE TRIGGER meeting_locked BEFORE UPDATE ON meeting
WHEN OLD.status = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER meeting_locked_delete BEFORE DELETE ON meeting
WHEN OLD.status = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; the meeting cannot be deleted'); END;
CREATE TRIGGER agenda_item_locked_update BEFORE UPDATE ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER agenda_item_locked_insert BEFORE INSERT ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER agenda_item_locked_delete BEFORE DELETE ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_locked_insert BEFORE INSERT ON decision
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = NEW.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_locked_update BEFORE UPDATE ON decision
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_locked_delete BEFORE DELETE ON decision
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id WHERE a.id = OLD.agenda_item_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER attendance_locked_insert BEFORE INSERT ON attendance
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER attendance_locked_update BEFORE UPDATE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER attendance_locked_delete BEFORE DELETE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER declaration_locked_insert BEFORE INSERT ON declaration
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER declaration_locked_update BEFORE UPDATE ON declaration
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER declaration_locked_delete BEFORE DELETE ON declaration
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER action_locked_insert BEFORE INSERT ON action
WHEN NEW.meeting_id IS NOT NULL AND (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
-- An action's progress rolls on after approval; what the minutes recorded does not change.
CREATE TRIGGER action_locked_wording BEFORE UPDATE OF description, meeting_id, agenda_item_id ON action
WHEN OLD.meeting_id IS NOT NULL AND (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; the action as minuted cannot be reworded'); END;

-- Full-text search across minutes, decisions, actions, measure commentary and voice entries.
CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED, ref_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER fts_item_ai AFTER INSERT ON agenda_item BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('minutes', NEW.id, NEW.title, NEW.minutes_text);
END;
CREATE TRIGGER fts_item_au AFTER UPDATE OF title, minutes_text ON agenda_item BEGIN
  DELETE FROM search_index WHERE kind = 'minutes' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('minutes', NEW.id, NEW.title, NEW.minutes_text);
END;
CREATE TRIGGER fts_item_ad AFTER DELETE ON agenda_item BEGIN
  DELETE FROM search_index WHERE kind = 'minutes' AND ref_id = OLD.id;
END;
CREATE TRIGGER fts_decision_ai AFTER INSERT ON decision BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('decision', NEW.id, '', NEW.text);
END;
CREATE TRIGGER fts_decision_au AFTER UPDATE OF text ON decision BEGIN
  DELETE FROM search_index WHERE kind = 'decision' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('decision', NEW.id, '', NEW.text);
END;
CREATE TRIGGER fts_decision_ad AFTER DELETE ON decision BEGIN
  DELETE FROM search_index WHERE kind = 'decision' AND ref_id = OLD.id;
END;
CREATE TRIGGER fts_action_ai AFTER INSERT ON action BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('action', NEW.id, NEW.owner_name, NEW.description);
END;
CREATE TRIGGER fts_action_au AFTER UPDATE OF description, owner_name ON action BEGIN
  DELETE FROM search_index WHERE kind = 'action' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('action', NEW.id, NEW.owner_name, NEW.description);
END;
CREATE TRIGGER fts_action_ad AFTER DELETE ON action BEGIN
  DELETE FROM search_index WHERE kind = 'action' AND ref_id = OLD.id;
END;
CREATE TRIGGER fts_action_update_ai AFTER INSERT ON action_update BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('action_update', NEW.id, '', NEW.text);
END;
CREATE TRIGGER fts_action_update_ad AFTER DELETE ON action_update BEGIN
  DELETE FROM search_index WHERE kind = 'action_update' AND ref_id = OLD.id;
END;
CREATE TRIGGER fts_measure_ai AFTER INSERT ON measure BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('commentary', NEW.id, NEW.code || ' ' || NEW.title,
    NEW.commentary_working || ' ' || NEW.commentary_worried || ' ' || NEW.commentary_next);
END;
CREATE TRIGGER fts_measure_au AFTER UPDATE OF code, title, commentary_working, commentary_worried, commentary_next ON measure BEGIN
  DELETE FROM search_index WHERE kind = 'commentary' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('commentary', NEW.id, NEW.code || ' ' || NEW.title,
    NEW.commentary_working || ' ' || NEW.commentary_worried || ' ' || NEW.commentary_next);
END;
CREATE TRIGGER fts_measure_ad AFTER DELETE ON measure BEGIN
  DELETE FROM search_index WHERE kind = 'commentary' AND ref_id = OLD.id;
END;
CREATE TRIGGER fts_voice_ai AFTER INSERT ON voice_entry BEGIN
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('voice', NEW.id, NEW.said, NEW.did);
END;
CREATE TRIGGER fts_voice_au AFTER UPDATE OF said, did ON voice_entry BEGIN
  DELETE FROM search_index WHERE kind = 'voice' AND ref_id = OLD.id;
  INSERT INTO search_index (kind, ref_id, title, body) VALUES ('voice', NEW.id, NEW.said, NEW.did);
END;
CREATE TRIGGER fts_voice_ad AFTER DELETE ON voice_entry BEGIN
  DELETE FROM search_index WHERE kind = 'voice' AND ref_id = OLD.id;
END;
