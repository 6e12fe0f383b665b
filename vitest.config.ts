import { defineConfig } from 'vitest/config';
import { sqlText } from './build/sql-plugin';

export default defineConfig({
  plugins: [sqlText()],
  test: {
    projects: [
      {
        plugins: [sqlText()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [sqlText()],
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
