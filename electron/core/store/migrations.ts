import m0001 from './migrations/0001-initial-schema.sql';
import m0002 from './migrations/0002-pledge-links.sql';
import m0003 from './migrations/0003-meeting-quorum-rule.sql';
import m0004 from './migrations/0004-child-table-indexes.sql';
import m0005 from './migrations/0005-measure-notes.sql';
import m0006 from './migrations/0006-bin.sql';
import m0007 from './migrations/0007-rules-of-the-record.sql';
import m0008 from './migrations/0008-record-revisions.sql';
import m0009 from './migrations/0009-documents-a-council-publishes.sql';
import m0010 from './migrations/0010-measure-definitions.sql';
import m0011 from './migrations/0011-annual-report-text.sql';
import m0012 from './migrations/0012-clerks-meeting.sql';
import m0013 from './migrations/0013-scale.sql';
import m0014 from './migrations/0014-search-index-off-the-keystroke.sql';

/** Forward-only numbered migrations; version N is the schema after migration N. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: '0001-initial-schema', sql: m0001 },
  { version: 2, name: '0002-pledge-links', sql: m0002 },
  { version: 3, name: '0003-meeting-quorum-rule', sql: m0003 },
  { version: 4, name: '0004-child-table-indexes', sql: m0004 },
  { version: 5, name: '0005-measure-notes', sql: m0005 },
  { version: 6, name: '0006-bin', sql: m0006 },
  { version: 7, name: '0007-rules-of-the-record', sql: m0007 },
  { version: 8, name: '0008-record-revisions', sql: m0008 },
  { version: 9, name: '0009-documents-a-council-publishes', sql: m0009 },
  { version: 10, name: '0010-measure-definitions', sql: m0010 },
  { version: 11, name: '0011-annual-report-text', sql: m0011 },
  { version: 12, name: '0012-clerks-meeting', sql: m0012 },
  { version: 13, name: '0013-scale', sql: m0013 },
  { version: 14, name: '0014-search-index-off-the-keystroke', sql: m0014 },
];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
