import type { PlanStatus, TemplateName } from '../../../shared/api/strategy';

/** A principle by its letter in s.1(1) of the Children and Social Work Act 2017. */
export type PrincipleCode = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

export interface TemplatePriority {
  code: string;
  title: string;
  description: string;
  principles: PrincipleCode[];
  /** Codes of pledges this priority delivers. */
  pledges?: string[];
}

export interface TemplatePledge {
  code: string;
  title: string;
  description: string;
  collection: string;
}

export interface TemplatePlanAction {
  /** Code of the priority it belongs to. */
  priority: string;
  ref: string;
  action: string;
  whoWhere: string;
  leads: string;
  timescale: string;
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
