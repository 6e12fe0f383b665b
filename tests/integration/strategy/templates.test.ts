import { existsSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBoardFromTemplate, templateNames, templates } from '../../../electron/core/templates';
import { inspectBoardFile } from '../../../electron/core/store/board-file';
import { latestSchemaVersion } from '../../../electron/core/store/migrations';
import { nativeBinding } from '../../../electron/core/store/native';
import { tempDir } from '../../helpers';

const dir = tempDir('cpb-templates-');
const read = (file: string) => new Database(file, { readonly: true, nativeBinding: nativeBinding() });

function build(name: (typeof templateNames)[number], opts = {}) {
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.cpb`);
  createBoardFromTemplate(file, name, opts);
  return file;
}

describe('board templates', () => {
  it.each(templateNames)('%s builds a valid board file with exactly its data', (name) => {
    const file = build(name);
    const r = inspectBoardFile(file);
    expect(r.integrity).toBe('ok');
    expect(r.schemaVersion).toBe(latestSchemaVersion);
    const t = templates[name];
    expect(r.counts).toMatchObject({
      priority: t.priorities.length,
      pledge: t.pledges.length,
      plan_action: t.plan.length,
      measure: t.measures.length,
      principle: 7,
      measure_value: 0,
      member: 0,
      meeting: 0,
    });
    const db = read(file);
    try {
      expect(db.prepare('SELECT authority, name FROM board').get()).toEqual({
        authority: 'Your council',
        name: 'Corporate Parenting Board',
      });
      // every priority's principle links came through, and every action sits under a priority
      const links = (
        db
          .prepare(
            'SELECT count(*) AS n FROM link WHERE priority_id IS NOT NULL AND to_principle_id IS NOT NULL',
          )
          .get() as { n: number }
      ).n;
      expect(links).toBe(t.priorities.reduce((n, p) => n + p.principles.length, 0));
      expect(
        (db.prepare('SELECT count(*) AS n FROM plan_action WHERE priority_id IS NULL').get() as { n: number })
          .n,
      ).toBe(0);
    } finally {
      db.close();
    }
  });

  it('redcar has the five LACES promises in order, six themes and its 14 measures with no targets', () => {
    const db = read(build('redcar'));
    try {
      expect(
        db
          .prepare('SELECT code FROM pledge ORDER BY sort')
          .all()
          .map((r) => (r as { code: string }).code)
          .join('-'),
      ).toBe('L-A-C-E-S');
      expect(
        db
          .prepare('SELECT title FROM pledge ORDER BY sort')
          .all()
          .map((r) => (r as { title: string }).title),
      ).toEqual(['Listen', 'Achieve', 'Communicate', 'Engage', 'Support']);
      expect((db.prepare('SELECT count(*) AS n FROM priority').get() as { n: number }).n).toBe(6);
      expect((db.prepare('SELECT count(*) AS n FROM measure').get() as { n: number }).n).toBe(14);
      expect(
        (db.prepare('SELECT count(*) AS n FROM measure WHERE target IS NOT NULL').get() as { n: number }).n,
      ).toBe(0);
      expect(db.prepare("SELECT unit, polarity FROM measure WHERE code = 'RC14'").get()).toEqual({
        unit: 'rate10k',
        polarity: 'neither',
      });
    } finally {
      db.close();
    }
  });

  it('rutland has six pledges', () => {
    const db = read(build('rutland'));
    try {
      expect((db.prepare('SELECT count(*) AS n FROM pledge').get() as { n: number }).n).toBe(6);
      expect(
        (db.prepare('SELECT count(DISTINCT collection) AS n FROM pledge').get() as { n: number }).n,
      ).toBe(1);
    } finally {
      db.close();
    }
  });

  it('stockton has seven priorities, each with its action table', () => {
    const db = read(build('stockton'));
    try {
      const rows = db
        .prepare(
          'SELECT p.code, count(a.id) AS n FROM priority p LEFT JOIN plan_action a ON a.priority_id = p.id GROUP BY p.id ORDER BY p.sort',
        )
        .all();
      expect(rows).toEqual([
        { code: 'P1', n: 6 },
        { code: 'P2', n: 4 },
        { code: 'P3', n: 3 },
        { code: 'P4', n: 5 },
        { code: 'P5', n: 7 },
        { code: 'P6', n: 8 },
        { code: 'P7', n: 8 },
      ]);
      // Progress the plan itself reports: published or in place is complete, under way on track.
      expect(
        db.prepare("SELECT ref, status FROM plan_action WHERE status = 'complete' ORDER BY sort").all(),
      ).toEqual([
        { ref: '7.1', status: 'complete' },
        { ref: '7.8', status: 'complete' },
      ]);
      expect(db.prepare("SELECT status, timescale FROM plan_action WHERE ref = '1.5'").get()).toEqual({
        status: 'on_track',
        timescale: 'October 2019',
      });
      // Actions it reports nothing on are not started, with no timescale made up.
      expect(db.prepare("SELECT status, timescale FROM plan_action WHERE ref = '5.6'").get()).toEqual({
        status: 'not_started',
        timescale: '',
      });
      // Its leads are named officers: not copied, and no role guessed in their place.
      expect(db.prepare("SELECT count(*) AS n FROM plan_action WHERE leads <> ''").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('sthelens has its five priorities and the adoption targets A1 426 days and A2 121 days', () => {
    const db = read(build('sthelens'));
    try {
      expect(
        db
          .prepare('SELECT title FROM priority ORDER BY sort')
          .all()
          .map((r) => (r as { title: string }).title),
      ).toEqual([
        'Respect us',
        'Skills for life',
        'Support us',
        'Help us to keep healthy',
        'Achieving permanence',
      ]);
      expect(db.prepare("SELECT unit, polarity, target FROM measure WHERE code = 'A1'").get()).toEqual({
        unit: 'days',
        polarity: 'lower',
        target: 426,
      });
      expect(db.prepare("SELECT unit, polarity, target FROM measure WHERE code = 'A2'").get()).toEqual({
        unit: 'days',
        polarity: 'lower',
        target: 121,
      });
      expect(
        db
          .prepare(
            "SELECT p.title FROM measure m JOIN priority p ON p.id = m.priority_id WHERE m.code = 'A1'",
          )
          .get(),
      ).toEqual({ title: 'Achieving permanence' });
    } finally {
      db.close();
    }
  });

  it('peterborough has seven priorities, the 10-point Pledge and the 5-point Care Leavers Charter', () => {
    const db = read(build('peterborough'));
    try {
      expect((db.prepare('SELECT count(*) AS n FROM priority').get() as { n: number }).n).toBe(7);
      expect(
        db
          .prepare('SELECT collection, count(*) AS n FROM pledge GROUP BY collection ORDER BY collection')
          .all(),
      ).toEqual([
        { collection: 'Care Leavers Charter', n: 5 },
        { collection: 'Children in Care Pledge', n: 10 },
      ]);
    } finally {
      db.close();
    }
  });

  it('sets the authority and board name when given, and never overwrites a file', () => {
    const file = build('blank', {
      authority: 'Westmoor Borough Council',
      boardName: 'Westmoor Corporate Parenting Panel',
    });
    const db = read(file);
    try {
      expect(db.prepare('SELECT authority, name FROM board').get()).toEqual({
        authority: 'Westmoor Borough Council',
        name: 'Westmoor Corporate Parenting Panel',
      });
      expect(db.prepare('SELECT action, detail FROM audit_log').get()).toEqual({
        action: 'board.create_from_template',
        detail: JSON.stringify({
          template: 'blank',
          authority: 'Westmoor Borough Council',
          boardName: 'Westmoor Corporate Parenting Panel',
        }),
      });
    } finally {
      db.close();
    }
    const other = path.join(dir, 'not-a-board.cpb');
    writeFileSync(other, 'my notes');
    expect(() => createBoardFromTemplate(other, 'redcar')).toThrow(/already exists/);
    expect(readFileSync(other, 'utf8')).toBe('my notes');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });
});
