import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/handlers';
import type { Session } from '../../electron/core/session';
import { createBoardFromTemplate } from '../../electron/core/templates';
import { Session as BoardSession } from '../../electron/core/session';
import { api, methodNames, type MethodName } from '../../shared/api';
import { callError, callOk, demoSession, rowCounts, tempDir } from '../helpers';

// What `dispatch` does for every method from its definition: one transaction per command, one
// audit row per command, none for a query.

let session: Session;
beforeEach(() => {
  session = demoSession().session;
});
afterEach(() => session.close());

const db = () => session.ctx().db;
type AuditRow = { actor: string; action: string; entity: string; entity_id: number | null; detail: string };
const auditRows = (): AuditRow[] =>
  db()
    .prepare('SELECT actor, action, entity, entity_id, detail FROM audit_log ORDER BY id')
    .all() as AuditRow[];
const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Temporarily replaces one handler (restored afterwards), to make a command fail part-way. */
async function withHandler<T>(name: MethodName, replacement: unknown, run: () => Promise<T>): Promise<T> {
  const table = handlers as Record<string, unknown>;
  const original = table[name];
  table[name] = replacement;
  try {
    return await run();
  } finally {
    table[name] = original;
  }
}

describe('commands run in one transaction', () => {
  it('a command that throws after writing leaves nothing written, not even an audit row', async () => {
    const before = rowCounts(session);
    const original = handlers['voice.create'] as (ctx: unknown, input: unknown) => unknown;
    const e = await withHandler(
      'voice.create',
      (ctx: unknown, input: unknown) => {
        original(ctx, input); // the entry is written…
        throw new Error('the disk went away'); // …and then the command fails
      },
      () => callError(session, 'voice.create', { said: 'We want later curfews', saidDate: '2026-11-10' }),
    );
    expect(e).toEqual({ code: 'internal', message: 'the disk went away' });
    expect(rowCounts(session)).toEqual(before);
  });

  it('a result that breaks the contract rolls the writes back too', async () => {
    const before = rowCounts(session);
    const original = handlers['voice.delete'] as (ctx: unknown, input: unknown) => unknown;
    const e = await withHandler(
      'voice.delete',
      (ctx: unknown, input: unknown) => {
        original(ctx, input);
        return { ok: 'yes' };
      },
      () => callError(session, 'voice.delete', { id: 1 }),
    );
    expect(e.code).toBe('invalid_input');
    expect(rowCounts(session)).toEqual(before);
  });

  it('a rule broken part-way through a real command leaves nothing behind', async () => {
    // A blank board has no earlier meeting to copy: the meeting is inserted, then refused.
    const file = path.join(tempDir(), 'blank.cpb');
    createBoardFromTemplate(file, 'blank');
    const blank = new BoardSession('test');
    blank.open(file);
    try {
      const before = rowCounts(blank);
      const e = await callError(blank, 'meeting.create', {
        date: '2027-01-20',
        startTime: '14:00',
        venue: 'County Hall',
        chairMemberId: null,
        type: 'ordinary',
        from: 'copy_last',
      });
      expect(e).toMatchObject({ code: 'conflict', message: expect.stringContaining('no earlier meeting') });
      expect(rowCounts(blank)).toEqual(before);
    } finally {
      blank.close();
    }
  });

  it('a locked meeting is named in words, and nothing is written', async () => {
    const approved = db()
      .prepare(
        "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE m.status = 'minutes_approved' LIMIT 1",
      )
      .get() as { id: number };
    const before = rowCounts(session);
    const e = await callError(session, 'decision.add', {
      itemId: approved.id,
      text: 'RESOLVED that nothing',
    });
    expect(e.code).toBe('locked');
    expect(e.message).toMatch(/^The minutes of the meeting on \d{1,2} \w+ \d{4} are approved and locked/);
    expect(rowCounts(session)).toEqual(before);
  });
});

describe('the audit log', () => {
  it('every command writes exactly one row, with the acting person and the method', async () => {
    const meeting = (await callOk(session, 'meeting.list', {})).upcoming[0]!;
    const detail = await callOk(session, 'meeting.get', { id: meeting.id });
    const item = detail.items[0]!;
    const fixture = path.resolve(__dirname, '..', 'fixtures', 'imports', 'long-clean.csv');
    const calls: [MethodName, Record<string, unknown>, { entity: string; id: number | null | 'new' }][] = [
      [
        'board.update',
        { authority: 'Northshire County Council', name: 'Northshire CPB' },
        { entity: 'board', id: null },
      ],
      [
        'member.create',
        {
          name: 'Cllr Ada Lee',
          role: 'elected_member',
          jobTitle: 'Councillor',
          organisation: 'Northshire County Council',
          voting: true,
          activeFrom: '2026-12-01',
          activeTo: null,
        },
        { entity: 'member', id: 'new' },
      ],
      [
        'item.saveMinutes',
        { itemId: item.id, doc: { type: 'doc', content: [para('Welcome.')] } },
        { entity: 'item', id: item.id },
      ],
      [
        'item.reorder',
        { meetingId: meeting.id, itemIds: detail.items.map((i) => i.id) },
        { entity: 'meeting', id: meeting.id },
      ],
      [
        'voice.create',
        { said: 'More say in reviews', saidDate: '2026-11-10' },
        { entity: 'voice', id: 'new' },
      ],
      ['measure.setValue', { measureId: 1, period: '2026-27 Q2', value: 12 }, { entity: 'measure', id: 1 }],
      [
        'import.commit',
        { fileName: 'long-clean.csv', dataBase64: readFileSync(fixture).toString('base64') },
        { entity: 'import', id: null },
      ],
    ];
    for (const [method, input, expected] of calls) {
      const before = auditRows().length;
      const out = (await callOk(session, method, input as never)) as { id?: number };
      const rows = auditRows();
      expect(rows.length, method).toBe(before + 1);
      const row = rows.at(-1)!;
      expect(row).toMatchObject({ actor: 'test', action: method, entity: expected.entity });
      expect(row.entity_id, method).toBe(expected.id === 'new' ? out.id : expected.id);
      expect(typeof api[method].summary).toBe('string');
    }
  });

  it('keeps the detail short: no minutes documents, no file contents, long text cut', async () => {
    const item = (
      await callOk(session, 'meeting.get', {
        id: (await callOk(session, 'meeting.list', {})).upcoming[0]!.id,
      })
    ).items[0]!;
    const long = 'The Board discussed the report at length. '.repeat(200);
    await callOk(session, 'item.saveMinutes', {
      itemId: item.id,
      doc: { type: 'doc', content: [para(long)] },
    });
    const saved = JSON.parse(auditRows().at(-1)!.detail) as { input: { doc: unknown } };
    expect(saved.input.doc).toBe(`(${long.trimEnd().length} characters)`);

    await callOk(session, 'voice.create', { said: 'x'.repeat(1500), saidDate: '2026-11-10' });
    const voice = JSON.parse(auditRows().at(-1)!.detail) as { input: { said: string } };
    expect(voice.input.said).toBe(`${'x'.repeat(200)}…`);

    const fixture = path.resolve(__dirname, '..', 'fixtures', 'imports', 'long-clean.csv');
    const data = readFileSync(fixture);
    await callOk(session, 'import.commit', {
      fileName: 'long-clean.csv',
      dataBase64: data.toString('base64'),
    });
    const imported = JSON.parse(auditRows().at(-1)!.detail) as { input: { dataBase64: string } };
    expect(imported.input.dataBase64).toBe(`(${data.length} bytes)`);
  });

  it('queries write nothing at all', async () => {
    const before = rowCounts(session);
    const candidates = [{}, { id: 1 }, { meetingId: 2 }, { q: 'health' }];
    let answered = 0;
    for (const name of methodNames.filter((n) => api[n].kind === 'query')) {
      for (const input of candidates) {
        const r = await dispatch(session, name, input);
        if (r.ok) answered += 1;
      }
    }
    expect(answered).toBeGreaterThan(20);
    expect(rowCounts(session)).toEqual(before);
  });
});

describe('item.saveMinutes', () => {
  it('stores the search text the core derives from the document; a client-sent text is refused', async () => {
    const item = (
      await callOk(session, 'meeting.get', {
        id: (await callOk(session, 'meeting.list', {})).upcoming[0]!.id,
      })
    ).items[1]!;
    const doc = {
      type: 'doc',
      content: [
        para('Members noted:'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [para('heliotrope visits')] }] },
      ],
    };
    await callOk(session, 'item.saveMinutes', { itemId: item.id, doc });
    const stored = db().prepare('SELECT minutes_text FROM agenda_item WHERE id = ?').get(item.id) as {
      minutes_text: string;
    };
    expect(stored.minutes_text).toBe('Members noted:\n- heliotrope visits');
    expect((await callOk(session, 'search.query', { q: 'heliotrope' })).hits.length).toBeGreaterThan(0);

    const e = await callError(session, 'item.saveMinutes', { itemId: item.id, doc, text: 'something else' });
    expect(e.code).toBe('invalid_input');
  });
});

describe('the handlers', () => {
  it('neither open transactions nor write the audit log themselves', () => {
    const root = path.resolve(__dirname, '..', '..', 'electron', 'core');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = path.join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const handlerFiles = [
      ...files(path.join(root, 'services')),
      ...files(path.join(root, 'imports')),
      ...files(path.join(root, 'exports')),
      path.join(root, 'handlers.ts'),
    ];
    const offenders = handlerFiles.filter((f) => /\baudit\(|\.transaction\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
