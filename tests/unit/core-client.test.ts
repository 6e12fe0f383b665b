/** The CoreClient's bookkeeping and the core's gate, with a fake core (no threads). */
import { describe, expect, it } from 'vitest';
import { PortCoreClient, type CoreEndpoint } from '../../electron/core/client/core-client';
import type { CoreRequest } from '../../electron/core/client/protocol';
import { Gate } from '../../electron/core/host/gate';

/** A core that answers when told to, and can be made to stop. */
function fakeCore() {
  const started: {
    requests: CoreRequest[];
    stop(detail?: string): void;
    answer(id: number, value?: unknown): void;
    refuse(id: number, error: { code: string; message: string }): void;
  }[] = [];
  const start = (): CoreEndpoint => {
    const requests: CoreRequest[] = [];
    let on: { message(m: unknown): void; exit(detail: string): void } | null = null;
    started.push({
      requests,
      stop: (detail = 'it exited with code 1') => on!.exit(detail),
      answer: (id, value = {}) => on!.message({ id, result: { ok: true, value } }),
      refuse: (id, error) => on!.message({ id, result: { ok: false, error } }),
    });
    return {
      post: (m) => requests.push(m),
      listen: (handlers) => (on = handlers),
      kill: () => on!.exit('killed'),
    };
  };
  return { start, started };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PortCoreClient', () => {
  it('starts the core on the first call, not before', async () => {
    const fake = fakeCore();
    const client = new PortCoreClient(fake.start);
    expect(fake.started).toHaveLength(0);
    const call = client.call('app.info', {});
    expect(fake.started).toHaveLength(1);
    await tick();
    const [req] = fake.started[0]!.requests;
    expect(req).toEqual({ id: 1, kind: 'api', name: 'app.info', input: {} });
    fake.started[0]!.answer(1, { authority: 'X' });
    expect(await call).toEqual({ ok: true, value: { authority: 'X' } });
  });

  it('answers waiting calls when the core stops, then starts it again and reopens the board first', async () => {
    const fake = fakeCore();
    const client = new PortCoreClient(fake.start);
    const opening = client.open('/boards/a.cpb');
    fake.started[0]!.answer(1, { file: '/boards/a.cpb' });
    expect(await opening).toEqual({ ok: true, value: { file: '/boards/a.cpb' } });

    const waiting = [client.call('dashboard.get', {}), client.call('meeting.list', {})];
    fake.started[0]!.stop();
    for (const r of await Promise.all(waiting))
      expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', message: /stopped unexpectedly/ } });

    const next = client.call('app.info', {});
    await tick();
    expect(fake.started).toHaveLength(2);
    const second = fake.started[1]!;
    expect(second.requests.map((r) => [r.kind, r.name, r.input])).toEqual([
      ['board', 'open', { file: '/boards/a.cpb' }],
    ]);
    second.answer(second.requests[0]!.id, { file: '/boards/a.cpb' });
    await tick();
    expect(second.requests.map((r) => r.name)).toEqual(['open', 'app.info']);
    second.answer(second.requests[1]!.id, { ok: 1 });
    expect(await next).toEqual({ ok: true, value: { ok: 1 } });
    expect(client.starts).toBe(2);
  });

  it('after a restart, reopens the board it had, not one that failed to open', async () => {
    const fake = fakeCore();
    const client = new PortCoreClient(fake.start);
    const a = client.open('/a.cpb');
    fake.started[0]!.answer(1, { file: '/a.cpb' });
    await a;
    const b = client.open('/b.cpb');
    fake.started[0]!.refuse(2, { code: 'bad_file', message: '/b.cpb: damaged' });
    expect(await b).toMatchObject({ ok: false, error: { code: 'bad_file' } });
    fake.started[0]!.stop();
    void client.call('app.info', {});
    await tick();
    expect(fake.started[1]!.requests[0]).toMatchObject({
      kind: 'board',
      name: 'open',
      input: { file: '/a.cpb' },
    });
  });

  it('on close: asks the core to close the board, stops it, and refuses later calls', async () => {
    const fake = fakeCore();
    const client = new PortCoreClient(fake.start);
    const first = client.call('app.info', {});
    await tick();
    fake.started[0]!.answer(1);
    await first;
    const closing = client.close();
    await tick();
    expect(fake.started[0]!.requests.at(-1)).toMatchObject({ kind: 'board', name: 'close' });
    fake.started[0]!.answer(2);
    await closing;
    expect(await client.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(fake.started).toHaveLength(1);
  });
});

describe('Gate', () => {
  it('runs calls side by side; an open waits for them, runs alone, and goes first before later calls', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const release: Record<string, () => void> = {};
    const task = (name: string) => () =>
      new Promise<void>((r) => {
        log.push(`start ${name}`);
        release[name] = () => (log.push(`end ${name}`), r());
      });
    const a = gate.run(task('a'));
    const b = gate.run(task('b'));
    const open = gate.alone(task('open'));
    const c = gate.run(task('c'));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    release.a!();
    release.b!();
    await tick();
    expect(log.slice(-1)).toEqual(['start open']);
    release.open!();
    await tick();
    expect(log.slice(-2)).toEqual(['end open', 'start c']);
    release.c!();
    await Promise.all([a, b, open, c]);
  });

  it('lets the next task run when one fails', async () => {
    const gate = new Gate();
    await expect(gate.alone(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await gate.run(() => 1)).toBe(1);
  });
});
