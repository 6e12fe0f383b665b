import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSoak } from '../../support/soak';

// The crash soak (see tests/support/soak.ts). `npm test` runs a short one; `npm run test:soak` runs
// the long one (CPB_SOAK_CYCLES=60). CPB_SOAK_SEED repeats a run's schedule of kinds and kill times.
const cycles = Number(process.env.CPB_SOAK_CYCLES ?? 10);
const seed = Number(process.env.CPB_SOAK_SEED ?? 20261128);

describe('crash soak: SIGKILL at random moments', () => {
  beforeAll(() => {
    const server = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.cjs');
    if (!existsSync(server))
      throw new Error('dist/server.cjs is missing: run npm run build first (npm test does)');
  });

  it(
    `${cycles} kills (seed ${seed}): the board is whole, nothing acknowledged is lost, no partial file is left`,
    async () => {
      const report = await runSoak({
        cycles,
        seed,
        log: process.env.CPB_SOAK_LOG ? (line) => console.log(line) : undefined,
      });
      console.log(
        `crash soak: ${report.cycles} cycles (${Object.entries(report.byKind)
          .map(([k, n]) => `${n} ${k}`)
          .join(
            ', ',
          )}), ${report.processesKilled} processes killed, ${report.acknowledged.decisions} decisions, ${report.acknowledged.minutesSaves} autosaves and ${report.acknowledged.imports} imports acknowledged; seed ${report.seed}`,
      );
      expect(report.problems).toEqual([]);
      expect(report.cycles).toBe(cycles);
      expect(report.acknowledged.decisions).toBeGreaterThan(cycles);
      expect(report.acknowledged.minutesSaves).toBeGreaterThan(cycles);
    },
    60_000 + cycles * 15_000,
  );
});
