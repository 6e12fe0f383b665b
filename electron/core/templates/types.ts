import type { PlanStatus, TemplateName } from '../../../shared/api/strategy';

/** A principle by its letter in s.1(1) of the Children and Social Work Act 2017. */
export type PrincipleCode = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

export interface TemplatePriority {
  code: string;
  title: string;
  description: string;
  principles: PrincipleCode[];
  /**
   * Pledges this priority delivers: a code where it names one pledge, or the collection and code
   * where two collections share codes (Peterborough's Pledge and Charter both run 1 to 5).
   */
  pledges?: (string | { collection: string; code: string })[];
}

export interface TemplatePledge {
  code: string;
  title: string;
  description: string;
  collection: string;
}

/**
 * An action as the seed strategy gives it. Who/where, leads and timescale carry only what the
 * strategy states (left out otherwise, for the council to fill in); never an officer's name.
 * `status` only where the strategy reports progress (done: complete; under way: on_track).
 */
export interface TemplatePlanAction {
  /** Code of the priority it belongs to. */
  priority: string;
  ref: string;
  action: string;
  whoWhere?: string;
  leads?: string;
  timescale?: string;
  status?: PlanStatus;
}

export interface TemplateMeasure {
  code: string;
  title: string;
  definition?: string;
  unit: 'percent' | 'number' | 'days' | 'rate10k' | 'score';
  polarity: 'higher' | 'lower' | 'neither';
  /** Only where the seed strategy gives one. */
  target?: number;
  frequency?: 'monthly' | 'quarterly' | 'annual';
  /** The kind of year an annual figure is for (academic for school measures). */
  yearBasis?: 'financial' | 'academic' | 'calendar';
  numerator?: string;
  denominator?: string;
  /** DfE or SSDA903 reference (standard definitions: templates/dfe.ts). */
  dfeRef?: string;
  ageBand?: string;
  source?: string;
  /** Code of the priority it reports on. */
  priority?: string;
  principles?: PrincipleCode[];
}

/** A strategy shaped like one council's, as plain data: no values, no people. */
export interface BoardTemplate {
  name: TemplateName;
  /** The real council the structure is modelled on: used only to label the template. */
  council: string;
  label: string;
  description: string;
  strategy: { title: string; period: string; summary: string };
  priorities: TemplatePriority[];
  pledges: TemplatePledge[];
  plan: TemplatePlanAction[];
  measures: TemplateMeasure[];
}
