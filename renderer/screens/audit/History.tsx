import { useState } from 'react';
import { useApi } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { Button } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { useSortableTable } from '../../components/SortableThead';
import type { AuditRow } from '../../../shared/api/audit';
import { auditColumns } from './auditColumns';

function HistoryTable({ rows, what }: { rows: AuditRow[]; what: string }) {
  const table = useSortableTable(rows, auditColumns, { rowId: (r) => String(r.id) });
  if (rows.length === 0) return <p>No recorded changes to {what} yet.</p>;
  return (
    <DataTable table={table} caption={`History of ${what}`} className="data-table" testId="history-table" />
  );
}

/**
 * A record's history (its audit trail), shown on request: a meeting, an agenda item, an action or
 * a measure. Fetched only when opened, so the page it sits on costs no extra round trip.
 */
export function History({ entity, id, what }: { entity: string; id: number; what: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="history" aria-label={`History of ${what}`}>
      <Button variant="secondary" size="small" reads aria-expanded={open} onPress={() => setOpen(!open)}>
        {open ? `Hide history of ${what}` : `History of ${what}`}
      </Button>
      {open ? <HistoryRows entity={entity} id={id} what={what} /> : null}
    </section>
  );
}

function HistoryRows({ entity, id, what }: { entity: string; id: number; what: string }) {
  const q = useApi('audit.forRecord', { entity, id });
  return <QueryState query={q}>{(d) => <HistoryTable rows={d.rows} what={what} />}</QueryState>;
}
