-- The clerk's meeting, complete (issue 15): declarations by type and withdrawal, arrivals,
-- departures and remote attendance (so quorum is judged item by item), recorded votes, minutes
-- approved "subject to amendments", the forward plan of standing reports, and member visits.

-- ---- Quorum: whether members attending remotely count. In England they do not count towards
-- the quorum of a local authority committee (the Local Government Act 1972 requires presence;
-- the 2020 remote-meetings regulations lapsed in May 2021), so the default is no. A board that is
-- not a formal committee may say otherwise. A meeting keeps the rule in force when it started.
ALTER TABLE board ADD COLUMN quorum_counts_remote INTEGER NOT NULL DEFAULT 0 CHECK (quorum_counts_remote IN (0, 1));
ALTER TABLE meeting ADD COLUMN quorum_counts_remote INTEGER CHECK (quorum_counts_remote IS NULL OR quorum_counts_remote IN (0, 1));

-- ---- Attendance: remote, and when a member arrived or left (the time as minuted, and the item
-- during which it happened). A member counts for an item if present when it concludes: one who
-- arrived during it counts, one who left during it does not.
ALTER TABLE attendance ADD COLUMN remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1));
ALTER TABLE attendance ADD COLUMN arrived_at TEXT CHECK (arrived_at IS NULL OR arrived_at GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE attendance ADD COLUMN arrived_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL;
ALTER TABLE attendance ADD COLUMN left_at TEXT CHECK (left_at IS NULL OR left_at GLOB '[0-2][0-9]:[0-5][0-9]');
ALTER TABLE attendance ADD COLUMN left_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL;

-- ---- Declarations: the type of interest (the model code of conduct's three kinds), whether the
-- member withdrew for the item, and whether a dispensation let them stay. Declarations made before
-- this version have no type recorded (NULL).
ALTER TABLE declaration ADD COLUMN kind TEXT
  CHECK (kind IS NULL OR kind IN ('disclosable_pecuniary', 'other_registrable', 'non_registrable'));
ALTER TABLE declaration ADD COLUMN withdrew INTEGER NOT NULL DEFAULT 0 CHECK (withdrew IN (0, 1));
ALTER TABLE declaration ADD COLUMN dispensation INTEGER NOT NULL DEFAULT 0 CHECK (dispensation IN (0, 1));

-- ---- Recorded votes on a decision: the counts, the chair's casting vote on a tie, and (optionally)
-- how each member voted. Part of the minutes: approved minutes refuse changes to them.
CREATE TABLE decision_vote (
  id INTEGER PRIMARY KEY,
  decision_id INTEGER NOT NULL UNIQUE REFERENCES decision(id) ON DELETE CASCADE,
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
  casting_vote TEXT CHECK (casting_vote IS NULL OR casting_vote IN ('for', 'against')),
  CHECK (casting_vote IS NULL OR votes_for = votes_against)
);
CREATE TABLE decision_voter (
  decision_id INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
  vote TEXT NOT NULL CHECK (vote IN ('for', 'against', 'abstain')),
  PRIMARY KEY (decision_id, member_id)
);
CREATE INDEX decision_voter_member ON decision_voter (member_id);

CREATE TRIGGER decision_vote_locked_insert BEFORE INSERT ON decision_vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id JOIN decision d ON d.agenda_item_id = a.id
  WHERE d.id = NEW.decision_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_vote_locked_update BEFORE UPDATE ON decision_vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id JOIN decision d ON d.agenda_item_id = a.id
  WHERE d.id = OLD.decision_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_vote_locked_delete BEFORE DELETE ON decision_vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id JOIN decision d ON d.agenda_item_id = a.id
  WHERE d.id = OLD.decision_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_voter_locked_insert BEFORE INSERT ON decision_voter
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id JOIN decision d ON d.agenda_item_id = a.id
  WHERE d.id = NEW.decision_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_voter_locked_update BEFORE UPDATE ON decision_voter
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id JOIN decision d ON d.agenda_item_id = a.id
  WHERE d.id = OLD.decision_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;
CREATE TRIGGER decision_voter_locked_delete BEFORE DELETE ON decision_voter
WHEN (SELECT m.status FROM meeting m JOIN agenda_item a ON a.meeting_id = m.id JOIN decision d ON d.agenda_item_id = a.id
  WHERE d.id = OLD.decision_id) = 'minutes_approved'
BEGIN SELECT RAISE(ABORT, 'These minutes are approved and locked; record a correction as an amendment'); END;

-- ---- Minutes approved "subject to amendments": the amendments agreed, kept with the approved
-- meeting ('' when approved as a correct record). Set by the approval itself, then locked with it.
ALTER TABLE meeting ADD COLUMN approval_amendments TEXT NOT NULL DEFAULT '';

-- ---- Forward plan (work programme): the standing reports the board receives and how often, and
-- the reports planned for each meeting (from the standing list or one-off), with who presents.
-- Drafting an agenda from the plan adds an item per planned report and remembers which.
CREATE TABLE standing_report (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  presenter TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT 'assurance' CHECK (purpose IN ('decision', 'discussion', 'information', 'assurance')),
  minutes_allowed INTEGER CHECK (minutes_allowed IS NULL OR minutes_allowed BETWEEN 1 AND 600),
  frequency TEXT NOT NULL DEFAULT 'annual' CHECK (frequency IN ('every_meeting', 'twice_yearly', 'annual')),
  -- The month (1–12) an annual report is due in, or the first of a twice-yearly one's two months.
  due_month INTEGER CHECK (due_month IS NULL OR due_month BETWEEN 1 AND 12),
  sort INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  revision INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER standing_report_revision AFTER UPDATE ON standing_report WHEN NEW.revision = OLD.revision
BEGIN UPDATE standing_report SET revision = OLD.revision + 1 WHERE id = NEW.id; END;

CREATE TABLE planned_report (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  standing_report_id INTEGER REFERENCES standing_report(id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  presenter TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT 'assurance' CHECK (purpose IN ('decision', 'discussion', 'information', 'assurance')),
  minutes_allowed INTEGER CHECK (minutes_allowed IS NULL OR minutes_allowed BETWEEN 1 AND 600),
  agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  UNIQUE (meeting_id, standing_report_id)
);
CREATE INDEX planned_report_meeting ON planned_report (meeting_id, sort);
CREATE INDEX planned_report_item ON planned_report (agenda_item_id) WHERE agenda_item_id IS NOT NULL;

-- A sensible default list for a Corporate Parenting Board; the clerk edits it.
INSERT INTO standing_report (title, presenter, purpose, minutes_allowed, frequency, due_month, sort) VALUES
 ('Children in Care Council update', 'Participation lead and Children in Care Council representatives', 'discussion', 20, 'every_meeting', NULL, 1),
 ('Independent Reviewing Officer (IRO) annual report', 'IRO service manager', 'assurance', 20, 'annual', 7, 2),
 ('Virtual School Head annual report', 'Virtual School Head', 'assurance', 20, 'annual', 11, 3),
 ('Fostering service annual report', 'Fostering service manager', 'assurance', 15, 'annual', 7, 4),
 ('Adoption service annual report', 'Head of the regional adoption agency', 'assurance', 15, 'annual', 9, 5),
 ('Placement sufficiency strategy update', 'Head of commissioning', 'discussion', 20, 'annual', 1, 6),
 ('Health of children in care annual report', 'Designated nurse for children in care', 'assurance', 15, 'annual', 9, 7),
 ('Care leavers (leaving care) service report', 'Leaving care service manager', 'assurance', 15, 'annual', 3, 8),
 ('Complaints and compliments annual report', 'Complaints manager', 'information', 10, 'annual', 7, 9),
 ('Private fostering annual report', 'Safeguarding service manager', 'information', 10, 'annual', 9, 10),
 ('Member visits to children’s homes', 'Chair', 'information', 10, 'twice_yearly', 6, 11);

-- ---- Member visits (e.g. Regulation 44-style visits to children's homes): who went, where (a
-- setting's name, never a child's), when, what they found; follow-up actions join the action log
-- linked to the visit, and a visit reported to the board names the agenda item it is reported under.
CREATE TABLE member_visit (
  id INTEGER PRIMARY KEY,
  visit_date TEXT NOT NULL CHECK (date(visit_date) = visit_date),
  setting TEXT NOT NULL CHECK (length(trim(setting)) > 0),
  setting_kind TEXT NOT NULL DEFAULT 'childrens_home'
    CHECK (setting_kind IN ('childrens_home', 'supported_accommodation', 'residential_family_centre', 'secure_childrens_home', 'short_breaks', 'other')),
  announced INTEGER NOT NULL DEFAULT 1 CHECK (announced IN (0, 1)),
  findings TEXT NOT NULL DEFAULT '',
  agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX member_visit_date ON member_visit (visit_date);
CREATE INDEX member_visit_item ON member_visit (agenda_item_id) WHERE agenda_item_id IS NOT NULL;
CREATE TRIGGER member_visit_revision AFTER UPDATE OF visit_date, setting, setting_kind, announced, findings ON member_visit
WHEN NEW.revision = OLD.revision
BEGIN UPDATE member_visit SET revision = OLD.revision + 1 WHERE id = NEW.id; END;

CREATE TABLE member_visit_member (
  visit_id INTEGER NOT NULL REFERENCES member_visit(id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
  PRIMARY KEY (visit_id, member_id)
);
CREATE INDEX member_visit_member_member ON member_visit_member (member_id);

ALTER TABLE action ADD COLUMN member_visit_id INTEGER REFERENCES member_visit(id) ON DELETE SET NULL;
CREATE INDEX action_member_visit ON action (member_visit_id) WHERE member_visit_id IS NOT NULL;

-- A visit recorded in error goes to the bin like other records: the bin learns the kind. SQLite
-- cannot alter a CHECK, so the bin table is rebuilt (nothing references it).
CREATE TABLE bin_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'item', 'decision', 'action', 'member', 'measure', 'voice', 'visit')),
  record_id INTEGER NOT NULL,
  label TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '',
  deleted_at TEXT NOT NULL,
  deleted_by TEXT NOT NULL DEFAULT '',
  rows TEXT NOT NULL CHECK (json_valid(rows)),
  refs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refs))
);
INSERT INTO bin_new (id, kind, record_id, label, context, deleted_at, deleted_by, rows, refs)
  SELECT id, kind, record_id, label, context, deleted_at, deleted_by, rows, refs FROM bin;
DROP TABLE bin;
ALTER TABLE bin_new RENAME TO bin;
CREATE INDEX bin_deleted_at ON bin (deleted_at);
