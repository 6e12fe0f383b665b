import { defineConfig } from 'vitest/config';
import { sqlText } from './build/sql-plugin';

// `npm run bench`: figures, not tests. Nothing here asserts a time.
export default defineConfig({
  plugins: [sqlText()],
  test: {
    include: ['tests/bench/**/*.bench-run.ts'],
    testTimeout: 600_000,
    reporters: ['default'],
    disableConsoleIntercept: true,
  },
});
