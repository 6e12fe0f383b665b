-- The annual report's own words (issue 14). The figures of an annual report come from the record;
-- what they mean is written by the clerk in the app, once per council year ('2026-27': 1 April
-- 2026 to 31 March 2027): the chair's foreword and the narrative sections, and a commentary on each
-- measure's chart for the year. Each row carries a revision, so a save from a stale copy is refused.
CREATE TABLE annual_text (
  year TEXT NOT NULL CHECK (
    year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
    AND CAST(substr(year, 6, 2) AS INTEGER) = (CAST(substr(year, 1, 4) AS INTEGER) + 1) % 100),
  section TEXT NOT NULL CHECK (section IN ('foreword', 'highlights', 'challenges', 'voice', 'ahead')),
  body TEXT NOT NULL CHECK (length(body) <= 20000),
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, section)
);

CREATE TABLE annual_measure_text (
  year TEXT NOT NULL CHECK (
    year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
    AND CAST(substr(year, 6, 2) AS INTEGER) = (CAST(substr(year, 1, 4) AS INTEGER) + 1) % 100),
  measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
  body TEXT NOT NULL CHECK (length(body) <= 4000),
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, measure_id)
);
CREATE INDEX annual_measure_text_measure ON annual_measure_text (measure_id);

CREATE TRIGGER annual_text_revision AFTER UPDATE OF body ON annual_text BEGIN
  UPDATE annual_text SET revision = OLD.revision + 1 WHERE year = NEW.year AND section = NEW.section;
END;
CREATE TRIGGER annual_measure_text_revision AFTER UPDATE OF body ON annual_measure_text BEGIN
  UPDATE annual_measure_text SET revision = OLD.revision + 1
  WHERE year = NEW.year AND measure_id = NEW.measure_id;
END;
