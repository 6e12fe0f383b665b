import m0001 from './migrations/0001-initial-schema.sql';
import m0002 from './migrations/0002-pledge-links.sql';

/** Forward-only numbered migrations; version N is the schema after migration N. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { version: 1, name: '0001-initial-schema', sql: m0001 },
  { version: 2, name: '0002-pledge-links', sql: m0002 },
];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
