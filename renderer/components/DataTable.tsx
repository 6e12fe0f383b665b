import type { Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { SortableThead, TableCells } from './SortableThead';

/** Attributes a row may carry: a class (RAG, overdue) and data-* hooks for tests and links. */
export type RowAttrs = { className?: string } & { [data: `data-${string}`]: string | number | undefined };

/**
 * The common table: a caption (hidden unless `captionShown`), the header from the one table hook,
 * one row per record. Tables that group rows or edit in place render their own body with
 * `SortableThead` and `TableCells`.
 */
export function DataTable<T>(props: {
  table: Table<T>;
  caption: ReactNode;
  captionShown?: boolean;
  className?: string;
  testId?: string;
  rowAttrs?: (row: T) => RowAttrs;
  footer?: ReactNode;
}) {
  return (
    <table className={props.className} data-testid={props.testId}>
      <caption className={props.captionShown ? undefined : 'visually-hidden'}>{props.caption}</caption>
      <SortableThead table={props.table} />
      <tbody>
        {props.table.getRowModel().rows.map((r) => (
          <tr key={r.id} {...props.rowAttrs?.(r.original)}>
            <TableCells row={r} />
          </tr>
        ))}
      </tbody>
      {props.footer}
    </table>
  );
}
