import { createColumnHelper } from '@tanstack/react-table';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../../renderer/components/DataTable';
import { useSortableTable } from '../../../renderer/components/SortableThead';

interface Row {
  name: string;
  count: number;
}
const col = createColumnHelper<Row>();
const columns = [
  col.accessor('name', { header: 'Name', meta: { rowHeader: true } }),
  col.accessor('count', {
    header: 'Count',
    meta: { cellClassName: 'num', headerClassName: 'num', cellTestId: (r) => `count-${r.name}` },
  }),
];
const rows: Row[] = [
  { name: 'b', count: 2 },
  { name: 'a', count: 1 },
];

function Table({ sortable, caption }: { sortable: boolean; caption: ReactNode }) {
  const table = useSortableTable(rows, columns, { sortable });
  return createElement(DataTable<Row>, {
    table,
    caption,
    className: 'data-table',
    rowAttrs: (r) => ({ 'data-row': r.name }),
  });
}
const render = (sortable: boolean) =>
  renderToStaticMarkup(createElement(Table, { sortable, caption: 'Things' }));

describe('tables on the one table hook', () => {
  it('names each row with a row header and keeps the rows in the order given', () => {
    const html = render(false);
    expect(html).toContain('<caption class="visually-hidden">Things</caption>');
    expect(html).toContain('<th scope="col">Name</th><th scope="col" class="num">Count</th>');
    expect(html).toContain(
      '<tr data-row="b"><th scope="row">b</th><td class="num" data-testid="count-b">2</td></tr>',
    );
    expect(html.indexOf('data-row="b"')).toBeLessThan(html.indexOf('data-row="a"'));
  });

  it('offers sorting only when the table is sortable', () => {
    expect(render(false)).not.toContain('<button');
    expect(render(true)).toContain('<button type="button">Name');
  });
});
