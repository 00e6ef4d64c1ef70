import type { ReactNode } from 'react';
import { ScrollableTable, type ScrollableTableProps } from './ScrollableTable.tsx';

/** One column of a {@link DataTable}: its header and how a row fills its cell. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** This column's cell names the row: `<th scope="row">` instead of `<td>`. */
  rowHeader?: boolean;
  /** A count or amount: right-aligned, with tabular figures. */
  numeric?: boolean;
  /** The header is for screen readers only (an actions column). */
  headerHidden?: boolean;
  /** More classes for the column's cells (not its header). */
  className?: string;
}

export interface DataTableProps<T> extends Omit<ScrollableTableProps, 'children'> {
  /** Left-out entries (`false`, `null`) are skipped, so an optional column reads `cond && { … }`. */
  columns: readonly (Column<T> | false | null | undefined)[];
  rows: readonly T[];
  /** The row's React key; left out, the record's `id`. */
  rowKey?: (row: T) => string | number;
  /** Attributes for a row's `<tr>` (e.g. a `data-` flag the styles or tests read). */
  rowProps?: (row: T) => Record<`data-${string}`, string | boolean | undefined>;
  /**
   * Below 480 px the table stacks (`usa-table--stacked`): each row becomes a card whose cells carry their column's
   * header (`data-label`), so a phone shows every column without scrolling sideways.
   */
  stacked?: boolean;
}

const cellClass = (column: Column<unknown>): string | undefined =>
  [column.numeric ? 'text-right text-tabular' : '', column.className ?? '']
    .filter(Boolean)
    .join(' ') || undefined;

/**
 * A list of records as a {@link ScrollableTable}: one header row (`<th scope="col">`), then a row per record with
 * the naming column as `<th scope="row">`. The columns are data, so each screen states only what differs.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowProps,
  stacked = false,
  className,
  ...table
}: DataTableProps<T>) {
  const shown = columns.filter((c): c is Column<T> => Boolean(c));
  const label = (column: Column<T>) =>
    stacked && typeof column.header === 'string' ? column.header : undefined;
  return (
    <ScrollableTable
      {...table}
      className={stacked ? `usa-table--stacked${className ? ` ${className}` : ''}` : className}
    >
      <thead>
        <tr>
          {shown.map((c, i) => (
            <th key={i} scope="col" className={c.numeric ? 'text-right' : undefined}>
              {c.headerHidden ? <span className="usa-sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey ? rowKey(row) : (row as { id: string | number }).id} {...rowProps?.(row)}>
            {shown.map((c, i) =>
              c.rowHeader ? (
                <th
                  key={i}
                  scope="row"
                  className={cellClass(c as Column<unknown>)}
                  data-label={label(c)}
                >
                  {c.cell(row)}
                </th>
              ) : (
                <td key={i} className={cellClass(c as Column<unknown>)} data-label={label(c)}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
