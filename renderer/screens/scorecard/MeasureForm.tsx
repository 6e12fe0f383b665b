import { useState } from 'react';
import { frequencyLabel, yearBasisLabel, type Frequency } from '../../../shared/api/measures';
import { polarityLabel, unitLabel, type Unit } from '../../../shared/domain/format';
import type { YearBasis } from '../../../shared/domain/periods';
import { defaultSimilarBand, defaultTolerance, type Polarity } from '../../../shared/domain/rag';
import { Button, ErrorNote, issueOf, SelectInput, TextAreaInput, TextInput } from '../../components/forms';
import { readNumber } from './parts';

export interface MeasureFormValues {
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  target: string;
  tolerance: string;
  frequency: Frequency;
  owner: string;
  source: string;
  priorityId: string;
  links: { priorities: number[]; pledges: number[]; principles: number[] };
  numeratorDefinition: string;
  denominatorDefinition: string;
  dfeRef: string;
  ageBand: string;
  yearBasis: YearBasis;
  /** '' for the unit's default. */
  decimals: string;
  similarBand: string;
}

/** Empty values for a new measure: the amber band and similar band left to the unit's defaults. */
export const blankMeasureForm: MeasureFormValues = {
  code: '',
  title: '',
  definition: '',
  unit: 'percent',
  polarity: 'higher',
  target: '',
  tolerance: '',
  frequency: 'quarterly',
  owner: '',
  source: '',
  priorityId: 'none',
  links: { priorities: [], pledges: [], principles: [] },
  numeratorDefinition: '',
  denominatorDefinition: '',
  dfeRef: '',
  ageBand: '',
  yearBasis: 'financial',
  decimals: '',
  similarBand: '',
};

export interface MeasureFormOutput {
  code: string;
  title: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  target: number | null;
  tolerance: number;
  frequency: Frequency;
  owner: string;
  source: string;
  priorityId: number | null;
  links: { priorities: number[]; pledges: number[]; principles: number[] };
  numeratorDefinition: string;
  denominatorDefinition: string;
  dfeRef: string;
  ageBand: string;
  yearBasis: YearBasis;
  decimals: number | null;
  similarBand: number | null;
}

type Ref = { id: number; code: string; title: string };

const units = Object.keys(unitLabel) as Unit[];
const polarities = Object.keys(polarityLabel) as Polarity[];
const frequencies = Object.keys(frequencyLabel) as Frequency[];
const bases = Object.keys(yearBasisLabel) as YearBasis[];

const MEASURE_LABELS: Record<string, string> = {
  code: 'Code',
  title: 'Title',
  unit: 'Unit',
  polarity: 'Polarity',
  target: 'Target',
  tolerance: 'Amber band',
  frequency: 'Reporting frequency',
  priorityId: 'Priority',
  owner: 'Owner',
  source: 'Source',
  definition: 'What is counted',
  numeratorDefinition: 'Numerator',
  denominatorDefinition: 'Denominator',
  dfeRef: 'DfE or SSDA903 reference',
  ageBand: 'Age band',
  yearBasis: 'Kind of year',
  decimals: 'Decimal places',
  similarBand: 'Similar band',
  'links.principles': 'Corporate Parenting Principles',
  'links.pledges': 'Pledges and promises',
  'links.priorities': 'Also contributes to priorities',
};

/** The measure's definition, target and RAG rule. Numbers are checked here before anything is sent. */
export function MeasureForm(props: {
  initial: MeasureFormValues;
  priorities: Ref[];
  linkOptions?: { priorities: Ref[]; pledges: Ref[]; principles: Ref[] };
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (v: MeasureFormOutput) => void;
  onCancel: () => void;
}) {
  const [v, setV] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof MeasureFormValues>(k: K, value: MeasureFormValues[K]) => {
    setV((cur) => ({ ...cur, [k]: value }));
    // A field shown as invalid also blocks the browser's submit: clear its error once it is edited.
    setErrors((cur) => (cur[k] ? Object.fromEntries(Object.entries(cur).filter(([key]) => key !== k)) : cur));
  };
  const toggle = (kind: 'priorities' | 'pledges' | 'principles', id: number, on: boolean) =>
    set('links', { ...v.links, [kind]: on ? [...v.links[kind], id] : v.links[kind].filter((x) => x !== id) });

  const submit = () => {
    const target = readNumber(v.target, 'Target');
    const tolerance = readNumber(v.tolerance, 'Amber band');
    const decimals = readNumber(v.decimals, 'Decimal places');
    const similar = readNumber(v.similarBand, 'Similar band');
    const e: Record<string, string> = {};
    if (!v.code.trim()) e.code = 'Code must not be empty, e.g. A1';
    if (!v.title.trim()) e.title = 'Title must not be empty';
    if (target.error) e.target = target.error;
    if (tolerance.error) e.tolerance = tolerance.error;
    else if ((tolerance.value ?? 0) < 0) e.tolerance = 'Amber band must be zero or more';
    if (decimals.error) e.decimals = decimals.error;
    else if (
      decimals.value !== null &&
      !(Number.isInteger(decimals.value) && decimals.value >= 0 && decimals.value <= 3)
    )
      e.decimals = 'Decimal places must be a whole number from 0 to 3';
    if (similar.error) e.similarBand = similar.error;
    else if ((similar.value ?? 0) < 0) e.similarBand = 'Similar band must be zero or more';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    props.onSubmit({
      code: v.code.trim(),
      title: v.title.trim(),
      definition: v.definition,
      unit: v.unit,
      polarity: v.polarity,
      target: target.value,
      // Left empty, the amber band is the unit's default (2 points, or 5% of the target).
      tolerance: tolerance.value ?? defaultTolerance(v.unit, target.value, decimals.value),
      frequency: v.frequency,
      owner: v.owner,
      source: v.source,
      priorityId: v.priorityId === 'none' ? null : Number(v.priorityId),
      links: v.links,
      numeratorDefinition: v.numeratorDefinition,
      denominatorDefinition: v.denominatorDefinition,
      dfeRef: v.dfeRef,
      ageBand: v.ageBand,
      yearBasis: v.yearBasis,
      decimals: decimals.value,
      similarBand: similar.value,
    });
  };

  return (
    <form
      className="measure-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="form-grid">
        <TextInput
          label="Code"
          value={v.code}
          onChange={(x) => set('code', x)}
          error={errors.code ?? issueOf(props.error, 'code')}
          description="Short reference, e.g. A1"
        />
        <TextInput
          label="Title"
          value={v.title}
          onChange={(x) => set('title', x)}
          error={errors.title ?? issueOf(props.error, 'title')}
        />
        <SelectInput
          label="Unit"
          value={v.unit}
          onChange={(x) => set('unit', x)}
          options={units.map((u) => ({ id: u, label: unitLabel[u] }))}
        />
        <SelectInput
          label="Polarity"
          value={v.polarity}
          onChange={(x) => set('polarity', x)}
          options={polarities.map((p) => ({ id: p, label: polarityLabel[p] }))}
          description="Neither: shown for context, not rated"
        />
        <TextInput
          label="Target"
          value={v.target}
          onChange={(x) => set('target', x)}
          error={errors.target ?? issueOf(props.error, 'target')}
          description="Leave empty for no target"
        />
        <TextInput
          label="Amber band"
          value={v.tolerance}
          onChange={(x) => set('tolerance', x)}
          error={errors.tolerance ?? issueOf(props.error, 'tolerance')}
          description="How far on the wrong side of target is still amber. Empty: 2 points for a percentage, otherwise 5% of the target"
        />
        <TextInput
          label="Decimal places"
          value={v.decimals}
          onChange={(x) => set('decimals', x)}
          error={errors.decimals ?? issueOf(props.error, 'decimals')}
          description="How the figure is shown, and so rated (94.96 shown as 95% meets a 95% target). Empty: the unit's usual"
        />
        <TextInput
          label="Similar band"
          value={v.similarBand}
          onChange={(x) => set('similarBand', x)}
          error={errors.similarBand ?? issueOf(props.error, 'similarBand')}
          description={`A change no bigger than this is "similar", not improving or worsening. Empty: ${defaultSimilarBand[v.unit]} for this unit`}
        />
        <SelectInput
          label="Reporting frequency"
          value={v.frequency}
          onChange={(x) => set('frequency', x)}
          options={frequencies.map((f) => ({ id: f, label: frequencyLabel[f] }))}
          description="Annual where the DfE publishes once a year; a measure also holds figures for longer periods"
        />
        <SelectInput
          label="Kind of year"
          value={v.yearBasis}
          onChange={(x) => set('yearBasis', x)}
          options={bases.map((b) => ({ id: b, label: yearBasisLabel[b] }))}
          description="Education measures count academic years: 2023/24 is then September to August"
        />
        <SelectInput
          label="Priority"
          value={v.priorityId}
          onChange={(x) => set('priorityId', x)}
          options={[
            { id: 'none', label: 'Not linked to a priority' },
            ...props.priorities.map((p) => ({
              id: String(p.id),
              label: p.code ? `${p.code} — ${p.title}` : p.title,
            })),
          ]}
        />
        <TextInput
          label="Owner"
          value={v.owner}
          onChange={(x) => set('owner', x)}
          error={issueOf(props.error, 'owner')}
        />
        <TextInput
          label="Source"
          value={v.source}
          onChange={(x) => set('source', x)}
          error={issueOf(props.error, 'source')}
          description="Where the figures come from, e.g. SSDA903 return; case management system"
        />
        <TextInput
          label="DfE or SSDA903 reference"
          value={v.dfeRef}
          onChange={(x) => set('dfeRef', x)}
          error={issueOf(props.error, 'dfeRef')}
          description="e.g. SSDA903 A1; LAIT: CLA rate per 10,000"
        />
        <TextInput
          label="Age band"
          value={v.ageBand}
          onChange={(x) => set('ageBand', x)}
          error={issueOf(props.error, 'ageBand')}
          description="Who is counted, e.g. under 16; 19 to 21"
        />
      </div>
      <TextAreaInput
        label="What is counted"
        value={v.definition}
        onChange={(x) => set('definition', x)}
        error={issueOf(props.error, 'definition')}
      />
      <div className="form-grid">
        <TextAreaInput
          label="Numerator"
          value={v.numeratorDefinition}
          onChange={(x) => set('numeratorDefinition', x)}
          error={issueOf(props.error, 'numeratorDefinition')}
        />
        <TextAreaInput
          label="Denominator"
          value={v.denominatorDefinition}
          onChange={(x) => set('denominatorDefinition', x)}
          error={issueOf(props.error, 'denominatorDefinition')}
        />
      </div>
      {props.linkOptions ? (
        <div className="link-choices">
          {(['principles', 'pledges', 'priorities'] as const).map((kind) =>
            props.linkOptions![kind].length === 0 ? null : (
              <fieldset key={kind}>
                <legend>
                  {kind === 'principles'
                    ? 'Corporate Parenting Principles'
                    : kind === 'pledges'
                      ? 'Pledges and promises'
                      : 'Also contributes to priorities'}
                </legend>
                {props.linkOptions![kind].map((o) => (
                  <div className="check-field" key={o.id}>
                    <input
                      id={`link-${kind}-${o.id}`}
                      type="checkbox"
                      checked={v.links[kind].includes(o.id)}
                      onChange={(e) => toggle(kind, o.id, e.target.checked)}
                    />
                    <label htmlFor={`link-${kind}-${o.id}`}>
                      {o.code ? `(${o.code}) ` : ''}
                      {o.title}
                    </label>
                  </div>
                ))}
              </fieldset>
            ),
          )}
        </div>
      ) : null}
      <div className="toolbar">
        <Button type="submit" isDisabled={props.pending}>
          {props.submitLabel}
        </Button>
        <Button variant="secondary" onPress={props.onCancel}>
          Cancel
        </Button>
      </div>
      <ErrorNote error={props.error} labels={MEASURE_LABELS} />
    </form>
  );
}
