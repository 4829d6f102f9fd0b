/**
 * CSV as R's `read.csv` reads it with its defaults: RFC 4180 quoting (a field with a comma, a
 * double quote or a line break is quoted, inner quotes doubled), UTF-8, lines ending in "\n",
 * `NA` for a missing value (read.csv's default `na.strings`), TRUE/FALSE for logicals.
 */
export type CsvCell = string | number | boolean | null;
export type CsvRow = readonly CsvCell[];

export const CSV_NA = 'NA';

export function csvField(cell: CsvCell): string {
  if (cell === null) return CSV_NA;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : CSV_NA;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvLine(row: CsvRow): string {
  return `${row.map(csvField).join(',')}\n`;
}

/** Parses what csvLine writes (for tests and checks): RFC 4180, "\n" or "\r\n" line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
