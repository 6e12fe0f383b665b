import { defineConfig } from 'vitest/config';
import { sqlText } from './build/sql-plugin';

// `npm run test:soak`: the long crash soak (≥ 50 SIGKILL cycles). `npm test` runs a 10-cycle one.
export default defineConfig({
  plugins: [sqlText()],
  test: {
    include: ['tests/integration/faults/crash-soak.test.ts'],
    environment: 'node',
    env: { CPB_SOAK_CYCLES: process.env.CPB_SOAK_CYCLES ?? '60' },
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
