import type { Key, ReactNode } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** One column of a DataTable: its heading and what each row shows in it. */
export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes for the column's cells (wrapping, figures), and for its heading. */
  className?: string;
  headClassName?: string;
}

/**
 * The analytics page's tables: a heading row and one row per item. The charts' "Show as a table"
 * views and the most asked questions all have this shape, so it is written once.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowTestId,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => Key;
  rowTestId?: string;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {columns.map((column, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns never reorder
            <TableHead key={index} className={column.headClassName}>
              {column.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)} data-testid={rowTestId}>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns never reorder
              <TableCell key={index} className={column.className}>
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
