import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Loads numbered migration files (*.sql) as text, as the esbuild bundle does. */
export function sqlText(): Plugin {
  return {
    name: 'cpb-sql-text',
    load(id) {
      if (!id.endsWith('.sql')) return null;
      return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
    },
  };
}
