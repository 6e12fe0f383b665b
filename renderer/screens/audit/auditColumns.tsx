import { createColumnHelper } from '@tanstack/react-table';
import type { AuditRow } from '../../../shared/api/audit';
import { formatDate } from '../../../shared/domain/dates';

/** "23 Nov 2026, 14:05": when, in the clerk's time zone. */
export function auditWhen(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${formatDate(at.slice(0, 10))}, ${time}`;
}

/** Record kinds as a clerk says them. */
export const entityLabels: Record<string, string> = {
  item: 'Agenda item',
  meeting: 'Meeting',
  decision: 'Decision',
  action: 'Action',
  measure: 'Measure',
  measure_value: 'Measure figure',
  member: 'Member',
  voice: 'Voice of the child',
  voice_entry: 'Voice of the child',
  plan_action: 'Plan action',
  priority: 'Priority',
  pledge: 'Pledge',
  board: 'Board',
  strategy: 'Strategy',
  snapshot: 'Scorecard snapshot',
};
export const entityLabel = (e: string): string => entityLabels[e] ?? e.replace(/_/g, ' ');

const col = createColumnHelper<AuditRow>();

/** The audit table's columns: shared by the board-wide log and a record's history. */
export const auditColumns = [
  col.accessor('at', { header: 'When', cell: (c) => auditWhen(c.getValue()) }),
  col.accessor('actor', { header: 'Who', cell: (c) => c.getValue() || '(not recorded)' }),
  col.accessor('summary', { header: 'What', cell: (c) => c.getValue() }),
  col.accessor((r) => `${entityLabel(r.entity)}${r.entityId !== null ? ` ${r.entityId}` : ''}`, {
    id: 'record',
    header: 'Record',
  }),
  col.accessor((r) => r.detail ?? 'Details withheld (Part B)', {
    id: 'detail',
    header: 'Detail',
    enableSorting: false,
  }),
];
