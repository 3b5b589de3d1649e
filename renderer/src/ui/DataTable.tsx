/**
 * A sortable, searchable table on @tanstack/react-table. Text columns sort with Vietnamese
 * collation (`viSort`); the search box ignores diacritics ("so y te" finds "Sở Y tế").
 */
import { useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { compareVi, matchesSearch } from '../../../shared/text/vietnamese';

/** Sorting function for text columns: Vietnamese collation. */
export function viSort<T>(a: Row<T>, b: Row<T>, columnId: string): number {
  return compareVi(String(a.getValue(columnId) ?? ''), String(b.getValue(columnId) ?? ''));
}

export interface DataTableProps<T> {
  data: T[];
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** Text searched by the search box (all words must occur, diacritics ignored). */
  searchText?: (row: T) => string;
  search?: string;
  emptyText: string;
  rowClassName?: (row: T) => string | undefined;
  caption?: ReactNode;
  label: string;
}

export function DataTable<T>({ data, columns, getRowId, searchText, search = '', emptyText, rowClassName, caption, label }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    globalFilterFn: (row, _columnId, query: string) => (searchText ? matchesSearch(searchText(row.original), query) : true),
    getColumnCanGlobalFilter: () => true,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label={label}>
        {caption && <caption>{caption}</caption>}
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const canSort = h.column.getCanSort();
                return (
                  <th key={h.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {h.isPlaceholder ? null : canSort ? (
                      <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()} title="Bấm để sắp xếp">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="empty-row" colSpan={table.getAllLeafColumns().length}>
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.id} className={rowClassName?.(r.original)}>
                {r.getVisibleCells().map((c) => (
                  <td key={c.id} className={(c.column.columnDef.meta as { className?: string } | undefined)?.className}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
