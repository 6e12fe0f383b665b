import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api';
import { Autosaver, saveStateText, type SaveState } from '../../../renderer/screens/meetings/autosave';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(save: (v: string) => Promise<void>) {
  const states: SaveState['kind'][] = [];
  const saves: string[] = [];
  const saver = new Autosaver<string>(
    async (v) => {
      saves.push(v);
      await save(v);
      return new Date('2026-11-23T10:00:00Z');
    },
    (s) => states.push(s.kind),
    250,
    1000,
  );
  return { saver, states, saves };
}

describe('autosave', () => {
  it('saves only the latest text, 250 ms after the last keystroke', async () => {
    const { saver, saves, states } = setup(async () => {});
    saver.change('T');
    await vi.advanceTimersByTimeAsync(100);
    saver.change('Th');
    await vi.advanceTimersByTimeAsync(100);
    saver.change('The');
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(saves).toEqual(['The']);
    expect(states.at(-1)).toBe('saved');
  });

  it('flush saves at once and resolves when the save is done', async () => {
    const { saver, saves } = setup(async () => {});
    saver.change('Minutes');
    await saver.flush();
    expect(saves).toEqual(['Minutes']);
    expect(saver.hasPending).toBe(false);
  });

  it('keeps retrying while the server is unreachable, then saves the newest text', async () => {
    let down = true;
    const { saver, saves, states } = setup(async () => {
      if (down) throw new ApiError('unavailable', 'CPB’s browser-mode server is not running.');
    });
    saver.change('one');
    await vi.advanceTimersByTimeAsync(250);
    expect(states.at(-1)).toBe('retrying');
    saver.change('one two');
    await vi.advanceTimersByTimeAsync(250);
    expect(states.at(-1)).toBe('retrying');
    down = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.at(-1)).toBe('one two');
    expect(states.at(-1)).toBe('saved');
  });

  it('stops and says why when the minutes are locked', async () => {
    const { saver, saves, states } = setup(async () => {
      throw new ApiError(
        'locked',
        'The minutes of the meeting on 3 June 2026 are approved and locked; record a correction as an amendment',
      );
    });
    saver.change('late edit');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual(['late edit']);
    expect(states.at(-1)).toBe('failed');
  });

  it('waits out a busy board or a full disk (tried again), but stops on a read-only board', async () => {
    let fault: ApiError | null = new ApiError('busy', 'The board is busy in another window: …');
    const { saver, saves, states } = setup(async () => {
      if (fault) throw fault;
    });
    saver.change('during a save elsewhere');
    await vi.advanceTimersByTimeAsync(250);
    expect(states.at(-1)).toBe('retrying');
    fault = new ApiError('disk_full', 'The disk holding demo.cpb is full, so nothing was saved.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('retrying');
    fault = null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('saved');

    fault = new ApiError('read_only', 'demo.cpb is open read-only (the file is read-only)…');
    saver.change('on a read-only board');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves.filter((v) => v === 'on a read-only board')).toHaveLength(1);
    expect(states.at(-1)).toBe('failed');
  });

  it('describes each state in words', () => {
    expect(saveStateText({ kind: 'saving' })).toBe('Saving…');
    expect(saveStateText({ kind: 'retrying', message: 'x' })).toBe('Not saved — retrying');
    expect(saveStateText({ kind: 'saved', at: new Date(2026, 10, 23, 14, 5, 12) })).toBe('Saved at 14:05:12');
  });
});
