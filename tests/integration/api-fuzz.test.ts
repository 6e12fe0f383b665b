/**
 * Issue 12: the API contract, fuzzed. For every method in the registry, inputs are generated from
 * its zod schema (through z.toJSONSchema) and dispatched against a demo board:
 *  - whatever the input, the answer is never 'internal' (a 500): a refusal is always typed;
 *  - an input the schema refuses is 'invalid_input' with issues naming the field;
 *  - inputs broken on purpose (a field missing, of the wrong type, or one the method does not know)
 *    are refused that way, naming that field.
 * Seeded and reproducible: a failure prints its seed and path (fast-check), and CPB_FUZZ_SEED
 * replays it. CPB_FUZZ_RUNS raises the runs per method (the figures in the README are the default).
 */
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { api, methodNames, type MethodName } from '../../shared/api';
import { cleanTexts } from '../../shared/domain/clean-text';
import { demoSession, tempDir } from '../helpers';

const SEED = Number(process.env.CPB_FUZZ_SEED ?? 20261128);
const RUNS = Number(process.env.CPB_FUZZ_RUNS ?? 60);
/** Slow methods (Word documents, spreadsheets) take seconds each: fewer runs. */
const runsFor = (m: MethodName) => (api[m].slow ? 3 : RUNS);

const { session } = demoSession();
afterAll(() => session.close());
const newBoards = tempDir('cpb-fuzz-');

type Schema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

const inputSchema = (m: MethodName) =>
  z.toJSONSchema(api[m].input, { io: 'input', unrepresentable: 'any' }) as Schema;

/** Text as people paste it, and as attackers send it: plain, accented, emoji, controls, non-characters. */
const hostileText = (min: number, max: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...'abc XYZ 019 .,-/'.split('')) },
        { weight: 2, arbitrary: fc.constantFrom('é', 'ł', 'ß', '£', '😀', '“', '’', '\n', '\t') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '\uFFFE',
            '\uFFFF',
            '\uD800',
            '\u0000',
            '\u0007',
            '\u000B',
            '<',
            '&',
            '"',
          ),
        },
      ),
      { minLength: min, maxLength: Math.max(min, Math.min(max, 40)) },
    )
    .map((cs) => cs.join(''));

/** Real dates (in and out of the plausible 1990–2100), and some that are not real. */
const dateText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .date({
        min: new Date('1985-01-01T00:00:00Z'),
        max: new Date('2105-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-30', '0000-01-01', '9999-12-31', '2025-13-01') },
);
const periods = fc.constantFrom(
  '2025-26',
  '2025-26 Q1',
  'Q3 2026-27',
  '2026-03',
  'Jun-15',
  '2025/26',
  'Q5 2025-26',
  'soon',
  '',
);

function arb(s: Schema, key: string): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => arb(u, key)));
  if (s.allOf?.length) return arb(s.allOf[0]!, key);
  const types = ([] as string[]).concat(s.type ?? []);
  if (types.length > 1) return fc.oneof(...types.map((t) => arb({ ...s, type: t }, key)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const lo = Math.max(s.minimum ?? (s.exclusiveMinimum ?? -1_000_001) + 1, -1_000_000);
      const hi = Math.min(s.maximum ?? (s.exclusiveMaximum ?? 1_000_001) - 1, 1_000_000);
      // Ids: mostly ones the demo board has.
      if (/(^id$|Id$|Ids$)/.test(key))
        return fc.oneof(
          { weight: 5, arbitrary: fc.integer({ min: Math.max(lo, 1), max: Math.min(hi, 40) }) },
          { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
        );
      return fc.integer({ min: lo, max: hi });
    }
    case 'number': {
      const lo = s.minimum ?? s.exclusiveMinimum ?? -1e12;
      const hi = s.maximum ?? s.exclusiveMaximum ?? 1e12;
      return fc.oneof(
        fc.integer({ min: Math.ceil(Math.max(lo, -200)), max: Math.floor(Math.min(hi, 200)) }),
        fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(1e308, -1e308, 0.1, 99.9, 100, 101),
      );
    }
    case 'string': {
      if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return dateText;
      if (/period/i.test(key)) return periods;
      if (key === 'file')
        return fc.stringMatching(/^[A-Za-z0-9 _-]{1,20}$/).map((n) => path.join(newBoards, `${n}.cpb`));
      if (key === 'dataBase64')
        return fc.oneof(
          fc.constant(Buffer.from('measure_code,period,value\nV1,2025-26 Q1,50\n').toString('base64')),
          fc.base64String({ maxLength: 200 }),
        );
      if (s.pattern) {
        const re = new RegExp(s.pattern, 'u');
        return fc
          .stringMatching(re)
          .filter((x) => x.length <= (s.maxLength ?? 200) && x.length >= (s.minLength ?? 0));
      }
      return hostileText(s.minLength ?? 0, s.maxLength ?? 60);
    }
    case 'array': {
      const items = s.items ? arb(s.items, key) : fc.jsonValue();
      return fc.array(items, {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (key === 'doc') return minutesDoc;
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = arb(v, k);
      const rec = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      if (typeof s.additionalProperties === 'object')
        return fc.dictionary(hostileText(1, 12), arb(s.additionalProperties, key), { maxKeys: 3 });
      return rec;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const minutesDoc = fc.array(hostileText(1, 30), { minLength: 0, maxLength: 3 }).map((texts) => ({
  type: 'doc',
  content: texts.map((t) => ({ type: 'paragraph', content: t ? [{ type: 'text', text: t }] : [] })),
}));

/** The object schema a method's input is (the first variant of a union), if it is one. */
function objectOf(s: Schema): Schema | null {
  if (s.properties) return s;
  for (const v of s.anyOf ?? s.oneOf ?? []) if (v.properties) return v;
  return null;
}

const wrongType = (s: Schema): unknown => {
  const t = ([] as string[]).concat(s.type ?? []);
  if (s.enum || s.const !== undefined) return 'not-one-of-them';
  if (t.includes('string')) return t.includes('number') ? { x: 1 } : 12345;
  if (t.includes('number') || t.includes('integer')) return 'twelve';
  if (t.includes('boolean')) return 'yes';
  if (t.includes('array')) return 'a list';
  if (t.includes('object')) return 7;
  if (s.anyOf || s.oneOf) return { wrong: [] };
  return undefined;
};

const figures = { tried: 0, accepted: 0, refusedTyped: 0, broken: 0 };

describe('API fuzz: every method, inputs from its schema', () => {
  it.each(methodNames)('%s: never internal; refusals of bad input name the field', async (m) => {
    const schema = inputSchema(m);
    await fc.assert(
      fc.asyncProperty(arb(schema, ''), async (input) => {
        figures.tried += 1;
        const r = await dispatch(session, m, input);
        if (!r.ok && r.error.code === 'internal')
          throw new Error(`${m} answered internal for ${JSON.stringify(input)}: ${r.error.message}`);
        if (r.ok) figures.accepted += 1;
        else figures.refusedTyped += 1;
        const parsed = api[m].input.safeParse(cleanTexts(input));
        if (!parsed.success) {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.error.code).toBe('invalid_input');
            const fields = parsed.error.issues.map((i) => i.path.join('.') || '(input)');
            expect(r.error.issues?.map((i) => i.path)).toEqual(fields);
            for (const f of fields) if (f !== '(input)') expect(r.error.message).toContain(f);
          }
        }
      }),
      { seed: SEED, numRuns: runsFor(m) },
    );

    const obj = objectOf(schema);
    const keys = Object.keys(obj?.properties ?? {}).filter((k) => obj!.properties![k]!.const === undefined);
    if (!obj) return;
    // Broken on purpose: each is refused as invalid_input naming the field.
    const broken = fc.tuple(
      arb(obj, ''),
      fc.constantFrom('missing', 'wrong type', 'unknown field'),
      fc.constantFrom(...(keys.length ? keys : ['(none)'])),
    );
    await fc.assert(
      fc.asyncProperty(broken, async ([base, how, key]) => {
        const input = { ...(base as Record<string, unknown>) };
        let named: string;
        if (how === 'unknown field' || key === '(none)') {
          if (obj.additionalProperties !== false) return; // not a strict object
          input.zzNotAField = 1;
          named = 'zzNotAField';
        } else if (how === 'missing') {
          if (!obj.required?.includes(key) || obj.properties![key]!.default !== undefined) return;
          delete input[key];
          named = key;
        } else {
          const wrong = wrongType(obj.properties![key]!);
          if (wrong === undefined) return;
          input[key] = wrong;
          named = key;
        }
        figures.broken += 1;
        const r = await dispatch(session, m, input);
        expect(r.ok, `${m} accepted ${how} ${named}: ${JSON.stringify(input)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, r.error.message).toBe('invalid_input');
          expect(r.error.message).toContain(named);
        }
      }),
      { seed: SEED, numRuns: Math.ceil(runsFor(m) / 2) },
    );
  });

  it('tried inputs on every method (figures for the README)', () => {
    expect(figures.tried).toBeGreaterThan(methodNames.length * 3);
    process.stdout.write(
      `\nAPI fuzz (seed ${SEED}, ${os.platform()}): ${methodNames.length} methods, ${figures.tried} generated inputs (${figures.accepted} accepted, ${figures.refusedTyped} refused with a typed error, 0 internal), ${figures.broken} broken inputs all refused naming the field\n`,
    );
  });
});
