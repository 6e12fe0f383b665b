-- Autosave at day-one speed (issue 17): an item's minutes are re-indexed for search after the
-- save, not in it.
--
-- Re-indexing 12,000 characters of minutes on every autosave (FTS5 re-reads the old text to take
-- its words out, then reads the new text in) was most of a save's work, and a twenty-year index
-- made it slower still. Now a save of minutes only notes, in the same transaction, that the item's
-- row of the search index is behind (search_index_stale, keyed by the index's rowid); the core
-- brings such rows up to date in its own short transaction: before any search runs, when it has
-- been idle for a moment after saves, and when a board is opened with rows still noted (a crash).
-- Because the note is written with the save, a crash can never lose the fact that the index is
-- behind. A change of title (rare, and shown in search results) is still indexed at once.

CREATE TABLE search_index_stale (
  -- the search_index rowid (record id × 16 + kind, migration 0013) whose text has changed
  rowid INTEGER PRIMARY KEY
);

DROP TRIGGER fts_item_au;

-- The title changed: the item's row is rewritten now, with its minutes as they are, and is current.
CREATE TRIGGER fts_item_au AFTER UPDATE OF title, minutes_text ON agenda_item
WHEN NEW.title IS NOT OLD.title BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 1;
  INSERT INTO search_index (rowid, title, body) VALUES (NEW.id * 16 + 1, NEW.title, NEW.minutes_text);
  DELETE FROM search_index_stale WHERE rowid = NEW.id * 16 + 1;
END;

-- Only the minutes changed (an autosave): note the row as behind; the core re-indexes it.
CREATE TRIGGER fts_item_minutes_au AFTER UPDATE OF minutes_text ON agenda_item
WHEN NEW.title IS OLD.title AND NEW.minutes_text IS NOT OLD.minutes_text BEGIN
  INSERT OR IGNORE INTO search_index_stale (rowid) VALUES (NEW.id * 16 + 1);
END;

DROP TRIGGER fts_item_ad;
CREATE TRIGGER fts_item_ad AFTER DELETE ON agenda_item BEGIN
  DELETE FROM search_index WHERE rowid = OLD.id * 16 + 1;
  DELETE FROM search_index_stale WHERE rowid = OLD.id * 16 + 1;
END;
