import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { api, methodNames } from '../../../shared/api';
import { areaOf, areasShown, readersOf } from '../../../shared/api/stale';
import { staleAfter, staleAfterCommand } from '../../../renderer/api/stale';

const commands = methodNames.filter((m) => api[m].kind === 'command');
/** The areas that have cached reads: the only ones worth invalidating. */
const readAreas = new Set(methodNames.filter((m) => api[m].kind === 'query').map(areaOf));

describe('what each command makes stale', () => {
  it('every command declares the areas it makes stale', () => {
    expect(commands.length).toBeGreaterThan(40);
    const undeclared = commands.filter((m) => api[m].invalidates === null);
    expect(undeclared).toEqual([]);
  });

  it('every area a command names is the area of some query', () => {
    const unknown = commands.flatMap((m) =>
      (api[m].invalidates ?? []).filter((a) => !readAreas.has(a)).map((a) => `${m}: ${a}`),
    );
    expect(unknown).toEqual([]);
    expect(areasShown.filter((a) => !readAreas.has(a))).toEqual([]);
  });

  it('queries make nothing stale', () => {
    const queries = methodNames.filter((m) => api[m].kind === 'query');
    expect(queries.filter((m) => api[m].invalidates !== null)).toEqual([]);
  });

  it('derived reads are included', () => {
    const stales = (m: keyof typeof api) => api[m].invalidates;
    expect(stales('item.saveMinutes')).toEqual(expect.arrayContaining(['meeting', 'search']));
    expect(stales('measure.setValue')).toEqual(
      expect.arrayContaining(['measure', 'scorecard', 'dashboard', 'priority']),
    );
    // A frozen scorecard never changes when a figure is corrected.
    expect(stales('measure.setValue')).not.toContain('snapshot');
    expect(stales('action.addUpdate')).toEqual(
      expect.arrayContaining(['action', 'actions', 'dashboard', 'meeting']),
    );
    expect(stales('meeting.addAction')).toEqual(expect.arrayContaining(['meeting', 'actions', 'dashboard']));
    expect(stales('member.update')).toEqual(expect.arrayContaining(['board', 'meeting', 'actions']));
    expect(stales('board.update')).toEqual(expect.arrayContaining(['app', 'board']));
    // A new board file is written elsewhere; the open board is unchanged.
    expect(stales('board.createFromTemplate')).toEqual([]);
  });

  it('readersOf lists each area once', () => {
    const areas = readersOf('meetings', 'agenda', 'actions');
    expect(new Set(areas).size).toBe(areas.length);
  });
});

describe('the renderer refreshes only the reads a command makes stale', () => {
  const key = (method: string, input: unknown = {}) => ({ queryKey: [method, input] as const });

  it('matches query keys by their method’s area', () => {
    const stale = staleAfter(['meeting', 'search']);
    expect(stale(key('meeting.get', { id: 3 }))).toBe(true);
    expect(stale(key('meeting.list'))).toBe(true);
    expect(stale(key('search.query', { q: 'x' }))).toBe(true);
    expect(stale(key('dashboard.get'))).toBe(false);
    // 'actions' is not 'action', nor a prefix match of 'meeting'.
    expect(staleAfter(['action'])(key('actions.list'))).toBe(false);
    expect(staleAfter(['meet'])(key('meeting.get'))).toBe(false);
  });

  it('refreshes everything when a command declares nothing, and nothing for an empty list', () => {
    expect(staleAfter(null)(key('dashboard.get'))).toBe(true);
    expect(staleAfter([])(key('dashboard.get'))).toBe(false);
  });

  it('drives TanStack’s invalidation', async () => {
    const qc = new QueryClient();
    for (const k of [key('meeting.get', { id: 1 }), key('search.query', { q: 'a' }), key('cohort.get')])
      qc.setQueryData(k.queryKey, { any: 'data' });
    await qc.invalidateQueries({ predicate: staleAfterCommand('item.saveMinutes') });
    const isStale = (k: ReturnType<typeof key>) => qc.getQueryState(k.queryKey)?.isInvalidated;
    expect(isStale(key('meeting.get', { id: 1 }))).toBe(true);
    expect(isStale(key('search.query', { q: 'a' }))).toBe(true);
    expect(isStale(key('cohort.get'))).toBe(false);
  });
});
