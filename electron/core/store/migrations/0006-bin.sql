-- The bin: a deleted meeting, agenda item, decision, action, member, measure or voice entry is
-- really deleted (so every read, export, count and the search index leave it out, and the lock
-- triggers still refuse what approved minutes contain), and the rows the delete removed or
-- unlinked are kept here as JSON until they are restored or purged.
CREATE TABLE bin (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('meeting', 'item', 'decision', 'action', 'member', 'measure', 'voice')),
  record_id INTEGER NOT NULL,
  label TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '',
  deleted_at TEXT NOT NULL,
  deleted_by TEXT NOT NULL DEFAULT '',
  -- [{ "table": …, "row": {…} }] in the order they can be inserted again (parents first).
  rows TEXT NOT NULL CHECK (json_valid(rows)),
  -- [{ "table": …, "rowid": …, "column": …, "parent": …, "value": … }]: links set to NULL by the delete.
  refs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refs))
);
CREATE INDEX bin_deleted_at ON bin (deleted_at);
