import { createColumnHelper } from '@tanstack/react-table';
import { useState, type FormEvent } from 'react';
import type { ApiOutput } from '../../../shared/api';
import { formatDate } from '../../../shared/domain/dates';
import { isIsoDate } from '../../../shared/domain/dates';
import { useApi } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { useSortableTable } from '../../components/SortableThead';
import { Button, DateInput, Reads } from '../../components/forms';

/**
 * Which of the 7 principles the board's agenda items dealt with in a period (directly, or through
 * the priorities they were linked to), and which it neglected. Defaults to this financial year.
 */
export function CoverageView() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState('');
  const q = useApi('principles.coverage', range);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!isIsoDate(from) || !isIsoDate(to)) {
      setProblem('Enter both dates like 23/11/2026.');
      return;
    }
    setProblem('');
    setRange({ from, to });
  };

  return (
    <section aria-labelledby="coverage-heading" className="strategy-section">
      <h2 id="coverage-heading">Principle coverage</h2>
      <Reads>
        <form className="toolbar" onSubmit={apply} aria-label="Coverage period">
          <DateInput label="From" value={from} onChange={setFrom} />
          <DateInput label="To" value={to} onChange={setTo} />
          <Button type="submit" variant="secondary" reads>
            Show
          </Button>
          {range.from ? (
            <Button variant="secondary" reads onPress={() => setRange({})}>
              This financial year
            </Button>
          ) : null}
        </form>
      </Reads>
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      <QueryState query={q}>
        {(c) => {
          const neglected = c.principles.filter((p) => p.total === 0);
          return (
            <>
              <p data-testid="coverage-summary">
                {formatDate(c.from)} to {formatDate(c.to)}: {c.meetings}{' '}
                {c.meetings === 1 ? 'meeting' : 'meetings'}, {c.items} agenda{' '}
                {c.items === 1 ? 'item' : 'items'}.{' '}
                {neglected.length
                  ? `Not looked at: ${neglected.map((p) => `(${p.code}) ${p.shortTitle}`).join('; ')}.`
                  : 'Every principle was looked at.'}
              </p>
              <CoverageTable principles={c.principles} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

type Coverage = ApiOutput<'principles.coverage'>['principles'][number];
const col = createColumnHelper<Coverage>();
const columns = [
  col.accessor('code', {
    header: 'Principle',
    meta: { rowHeader: true },
    cell: ({ row: { original: p } }) => `(${p.code}) ${p.shortTitle}`,
  }),
  col.accessor('total', {
    header: 'Agenda items',
    cell: ({ row: { original: p } }) => (p.total === 0 ? <strong>0 — not looked at</strong> : p.total),
  }),
  col.accessor('direct', { header: 'Linked directly' }),
  col.accessor('viaPriority', { header: 'Through a priority' }),
  col.accessor('viaPledge', { header: 'Through a pledge' }),
  col.display({
    id: 'items',
    header: 'Items',
    cell: ({ row: { original: p } }) =>
      p.items.length ? (
        <details>
          <summary>Show {p.items.length === 1 ? 'the item' : `${p.items.length} items`}</summary>
          <ul className="plain small">
            {p.items.map((i) => (
              <li key={i.id}>
                {formatDate(i.meetingDate)}: {i.title}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        '—'
      ),
  }),
];

/** Each principle with the agenda items that dealt with it; sortable, e.g. to bring the neglected ones first. */
function CoverageTable({ principles }: { principles: Coverage[] }) {
  const table = useSortableTable(principles, columns);
  return (
    <DataTable
      table={table}
      caption="Agenda items that dealt with each principle"
      className="data-table coverage-table"
      rowAttrs={(p) => ({
        'data-testid': `coverage-${p.code}`,
        className: p.total === 0 ? 'row-neglected' : '',
      })}
    />
  );
}
