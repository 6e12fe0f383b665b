import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
  type Table,
} from '@tanstack/react-table';
import { useState } from 'react';

declare module '@tanstack/react-table' {
  // Merges with TanStack's own interface, so its type parameters must stay as they are.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column names each row (`<th scope="row">`), as a screen reader announces it. */
    rowHeader?: boolean;
    headerClassName?: string;
    cellClassName?: string;
    /** A test hook on each of the column's cells, from its row. */
    cellTestId?: (row: TData) => string;
  }
}

/**
 * The header of a TanStack table whose sortable columns are buttons, with aria-sort so a screen
 * reader hears the order; one implementation for every table in CPB (a column that cannot be
 * sorted shows its plain heading).
 */
export function SortableThead<T>({ table }: { table: Table<T> }) {
  return (
    <thead>
      {table.getHeaderGroups().map((g) => (
        <tr key={g.id}>
          {g.headers.map((h) => {
            const sorted = h.column.getIsSorted();
            const label = flexRender(h.column.columnDef.header, h.getContext());
            return (
              <th
                key={h.id}
                scope="col"
                className={h.column.columnDef.meta?.headerClassName}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              >
                {h.column.getCanSort() ? (
                  <button type="button" onClick={h.column.getToggleSortingHandler()}>
                    {label}
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

/** One row's cells: `<th scope="row">` for the column that names the row, `<td>` for the rest. */
export function TableCells<T>({ row }: { row: Row<T> }) {
  return (
    <>
      {row.getVisibleCells().map((c) => {
        const meta = c.column.columnDef.meta;
        const content = flexRender(c.column.columnDef.cell, c.getContext());
        const testId = meta?.cellTestId?.(row.original);
        return meta?.rowHeader ? (
          <th key={c.id} scope="row" className={meta.cellClassName} data-testid={testId}>
            {content}
          </th>
        ) : (
          <td key={c.id} className={meta?.cellClassName} data-testid={testId}>
            {content}
          </td>
        );
      })}
    </>
  );
}

/**
 * A TanStack table with the state and row models every table in CPB needs: sorted by its header
 * buttons, or, with `sortable: false`, kept in the order given (an agenda, a register, a form).
 */
export function useSortableTable<T>(
  data: T[],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column, as in TanStack's own API
  columns: ColumnDef<T, any>[],
  opts: {
    sortable?: boolean;
    /** A row's lasting identity (its React key), where rows come and go above one being edited. */
    rowId?: (row: T) => string;
  } = {},
) {
  const [sorting, setSorting] = useState<SortingState>([]);
  return useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    enableSorting: opts.sortable ?? true,
    // No table in CPB is paged. Left on, a table whose rows are rebuilt on each render would
    // "reset its page" on each render, which itself renders again: a loop that freezes the window.
    autoResetPageIndex: false,
    getRowId: opts.rowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
}
