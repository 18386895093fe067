/** Plain-text tables: the terminal report, profile summaries and `rust-perf parse`. */

export type Alignment = 'left' | 'right' | 'last';

interface Column {
  /** `last` is never padded: long Rust names go there. */
  align: Alignment;
  /** The column is at least this wide, whatever its cells. */
  minWidth?: number;
  /** Padded to at most this width; a longer cell pushes the rest of its row right. */
  maxWidth?: number;
}

/**
 * Rows of cells (the header first) as lines, every column padded to its widest cell and two
 * spaces apart. Widths are found in a loop rather than spread into Math.max: a profile can
 * hold more functions than a call has arguments.
 */
export function alignColumns(rows: string[][], columns: Column[]): string[] {
  const widths = columns.map((column, index) => {
    let width = column.minWidth ?? 0;
    for (const row of rows) width = Math.max(width, (row[index] ?? '').length);
    return Math.min(width, column.maxWidth ?? width);
  });
  return rows.map((row) =>
    row
      .map((cell, index) => {
        const align = columns[index]?.align ?? 'left';
        if (align === 'last') return cell;
        const width = widths[index] ?? 0;
        return align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd(),
  );
}
