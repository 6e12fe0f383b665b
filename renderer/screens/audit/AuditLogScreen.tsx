import { useState } from 'react';
import { useApi } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { Button, DateInput, NativeSelect, TextInput, Reads } from '../../components/forms';
import { QueryState } from '../../components/QueryState';
import { useSortableTable } from '../../components/SortableThead';
import type { AuditRow } from '../../../shared/api/audit';
import { auditColumns, entityLabel } from './auditColumns';

const PAGE = 50;

function AuditTable({ rows }: { rows: AuditRow[] }) {
  const table = useSortableTable(rows, auditColumns, { rowId: (r) => String(r.id) });
  if (rows.length === 0) return <p>No changes match these filters.</p>;
  return (
    <DataTable
      table={table}
      caption="Changes to the board, newest first"
      className="data-table"
      testId="audit-table"
      rowAttrs={(r) => ({ 'data-audit-id': r.id, ...(r.partB ? { className: 'part-b' } : {}) })}
    />
  );
}

/**
 * The board-wide audit log: who changed what and when. Shown to everyone, so rows about Part B
 * items say that something changed and withhold what.
 */
export function AuditLogScreen() {
  const [person, setPerson] = useState('');
  const [entity, setEntity] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);
  const iso = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
  const q = useApi('audit.list', {
    person: person || undefined,
    entity: entity || undefined,
    from: iso(from),
    to: iso(to),
    text: text.trim() || undefined,
    offset: page * PAGE,
    limit: PAGE,
  });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  return (
    <>
      <h1>Audit log</h1>
      <p>Every change to the board, with who made it. Part B items are listed without their details.</p>
      <Reads>
        <form className="form-row" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
          <NativeSelect
            label="Person"
            value={person}
            onChange={filter(setPerson)}
            placeholder="Everyone"
            options={(q.data?.people ?? []).map((p) => ({ id: p, label: p }))}
          />
          <NativeSelect
            label="Kind of record"
            value={entity}
            onChange={filter(setEntity)}
            placeholder="Everything"
            options={(q.data?.entities ?? []).map((e) => ({ id: e, label: entityLabel(e) }))}
          />
          <DateInput label="From" value={from} onChange={filter(setFrom)} />
          <DateInput label="To" value={to} onChange={filter(setTo)} />
          <TextInput label="Containing" type="search" value={text} onChange={filter(setText)} />
        </form>
      </Reads>
      <QueryState query={q}>
        {(d) => (
          <>
            <p aria-live="polite">
              {d.total === 0
                ? 'No changes.'
                : `Changes ${page * PAGE + 1}–${Math.min(d.total, (page + 1) * PAGE)} of ${d.total}`}
            </p>
            <AuditTable rows={d.rows} />
            <div className="toolbar">
              <Button variant="secondary" reads isDisabled={page === 0} onPress={() => setPage(page - 1)}>
                Newer changes
              </Button>
              <Button
                variant="secondary"
                reads
                isDisabled={(page + 1) * PAGE >= d.total}
                onPress={() => setPage(page + 1)}
              >
                Older changes
              </Button>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
