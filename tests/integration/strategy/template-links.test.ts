/**
 * Every template's links, read back as `cpb dump` prints them: each priority is linked to exactly
 * the pledges (by collection and code) and principles the template names; each measure to its
 * principles. And what a template says as fact is the seed's: definitions, targets, timescales.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpBoard } from '../../../electron/core/services/dump';
import { Session } from '../../../electron/core/session';
import {
  createBoardFromTemplate,
  pledgeOf,
  templateNames,
  templates,
} from '../../../electron/core/templates';
import { tempDir } from '../../helpers';

const dir = tempDir('cpb-template-links-');
const sessions: Session[] = [];
afterAll(() => sessions.forEach((s) => s.close()));

function dumped(name: (typeof templateNames)[number]) {
  const file = path.join(dir, `${name}-${sessions.length}.cpb`);
  createBoardFromTemplate(file, name);
  const s = new Session('test');
  s.open(file);
  sessions.push(s);
  return dumpBoard(s.ctx());
}

const principleLetter = (id: number) => 'abcdefg'[id - 1];
type Row = Record<string, unknown>;
const pledgesOf = (d: ReturnType<typeof dumped>) => d.strategy.pledges as unknown as Row[];
const actionsOf = (d: ReturnType<typeof dumped>) => d.strategy.actionPlan as unknown as Row[];

describe('every template’s links, as cpb dump shows them', () => {
  it.each(templateNames)('%s', (name) => {
    const t = templates[name];
    const d = dumped(name);
    const pledgeById = new Map(
      pledgesOf(d).map((p) => [p.id as number, `${p.collection as string} ${p.code as string}`]),
    );
    const priorities = d.strategy.priorities as unknown as {
      code: string;
      links: { pledges: number[]; principles: number[] };
    }[];
    expect(priorities.map((p) => p.code)).toEqual(t.priorities.map((p) => p.code));
    for (const p of t.priorities) {
      const got = priorities.find((x) => x.code === p.code)!;
      expect(got.links.pledges.map((id) => pledgeById.get(id)).sort(), `${name} ${p.code} pledges`).toEqual(
        (p.pledges ?? [])
          .map((ref) => pledgeOf(t, ref, p.code))
          .map((x) => `${x.collection} ${x.code}`)
          .sort(),
      );
      expect(got.links.principles.map(principleLetter).sort(), `${name} ${p.code} principles`).toEqual(
        [...p.principles].sort(),
      );
    }
    const measures = d.measures as unknown as { code: string; links: { principles: number[] } }[];
    for (const m of t.measures) {
      const got = measures.find((x) => x.code === m.code)!;
      expect(got.links.principles.map(principleLetter).sort(), `${name} ${m.code}`).toEqual(
        [...(m.principles ?? [])].sort(),
      );
    }
  });

  it('peterborough: the Pledge and the Charter both run 1 to 5, and each priority links to the right one', () => {
    const d = dumped('peterborough');
    const titleOf = new Map(
      pledgesOf(d).map((p) => [p.id as number, `${p.collection as string}: ${p.title as string}`]),
    );
    const linked = (code: string) =>
      (d.strategy.priorities as unknown as { code: string; links: { pledges: number[] } }[])
        .find((p) => p.code === code)!
        .links.pledges.map((id) => titleOf.get(id));
    expect(linked('PR2')).toEqual([
      'Children in Care Pledge: Listen',
      'Children in Care Pledge: Information',
    ]);
    expect(linked('PR6')).toEqual([
      'Children in Care Pledge: Contact',
      'Children in Care Pledge: Prepare',
      'Care Leavers Charter: Finding a home',
    ]);
  });

  it('a bare code that two collections share is refused, not guessed', () => {
    const t = templates.peterborough;
    expect(() => pledgeOf(t, '5', 'PR2')).toThrow(/in more than one collection: give its collection/);
    expect(pledgeOf(t, '6', 'PR2')).toEqual({ collection: 'Children in Care Pledge', code: '6' });
  });
});

describe('what a template states is what its strategy states', () => {
  it('leaves leads and timescales the strategy does not give empty, keeping those it does', () => {
    const p = dumped('peterborough');
    expect(new Set(actionsOf(p).map((a) => `${a.leads as string}|${a.timescale as string}`))).toEqual(
      new Set(['|']),
    );
    const r = dumped('redcar');
    const redcar = r.strategy.actionPlan as unknown as { ref: string; leads: string; timescale: string }[];
    expect(redcar.filter((a) => a.leads !== '')).toEqual([]);
    expect(redcar.filter((a) => a.timescale !== '').map((a) => [a.ref, a.timescale])).toEqual([
      ['2.2', 'Annually'],
    ]);
    const ru = dumped('rutland').strategy.actionPlan as unknown as { ref: string; timescale: string }[];
    expect(ru.map((a) => a.timescale)).toEqual([
      'Before each Corporate Parenting Board',
      '',
      'Through 2017/18',
      'At the end of each year',
    ]);
  });

  it('uses the DfE’s definitions and annual frequency where the DfE publishes annually', () => {
    const s = dumped('sthelens').measures as unknown as Record<string, unknown>[];
    const byCode = (code: string) => s.find((m) => m.code === code)!;
    expect(byCode('A1')).toMatchObject({ target: 426, frequency: 'annual', dfeRef: 'Adoption scorecard A1' });
    expect(byCode('P3')).toMatchObject({ ageBand: 'Under 16', frequency: 'annual' });
    expect(byCode('E6')).toMatchObject({
      title: 'Average Attainment 8 score of cared for children',
      yearBasis: 'academic',
      unit: 'score',
    });
    expect(byCode('L3')).toMatchObject({
      denominator: 'All care leavers aged 19 to 21 (whether or not the council is in touch with them)',
    });
    // The amber band defaults by unit, so a near miss is not Red: A1 426 days → 21.3 days.
    expect(byCode('A1').tolerance).toBe(21.3);
    const rc = dumped('redcar').measures as unknown as Record<string, unknown>[];
    expect(rc.find((m) => m.code === 'RC14')).toMatchObject({ frequency: 'annual', ageBand: 'Under 18' });
    expect(rc.find((m) => m.code === 'RC01')).toMatchObject({ frequency: 'quarterly', dfeRef: '' });
  });
});
