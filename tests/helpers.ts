import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiErrorShape, ApiInput, ApiOutput, MethodName } from '../shared/api';
import { dispatch } from '../electron/core/dispatch';
import { Session } from '../electron/core/session';
import { createDemoBoardFile } from '../electron/core/demo/file';

export const DEMO_TODAY = '2026-11-23';

export function tempDir(prefix = 'cpb-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A session on a fresh demo board file in a temp folder, with today pinned. */
export function demoSession(today = DEMO_TODAY): { session: Session; file: string; dir: string } {
  process.env.CPB_TODAY = today;
  const dir = tempDir();
  const file = path.join(dir, 'demo.cpb');
  createDemoBoardFile(file, today);
  const session = new Session('test');
  session.open(file);
  return { session, file, dir };
}

/** Row counts of every ordinary table: to prove a refused call wrote nothing. */
export function rowCounts(session: Session): Record<string, number> {
  const db = session.ctx().db;
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'",
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
    ]),
  );
}

/** Calls the API as the UI does and returns the value, or throws with the error's code and message. */
export async function callOk<M extends MethodName>(
  session: Session,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const r = await dispatch(session, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as ApiOutput<M>;
}

/**
 * Calls the API expecting a refusal; returns the error (throws if the call succeeded). The input
 * is not typed against the method on purpose: refusing malformed input is part of what is tested.
 */
export async function callError<M extends MethodName>(
  session: Session,
  method: M,
  input: ApiInput<M> | Record<string, unknown>,
): Promise<ApiErrorShape> {
  const r = await dispatch(session, method, input);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}
