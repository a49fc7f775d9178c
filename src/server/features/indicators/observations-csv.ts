import {
  type CsvRowIssue,
  MAX_IMPORT_ROWS,
  type ObservationInput,
  observationInputSchema,
} from "../../../shared/api/indicators.ts";
import { type CsvSeparator, detectSeparator, parseCsv } from "./csv.ts";

export type CsvObservation = ObservationInput & { line: number };
/** The rows that are valid on their own, and every problem found; an import goes ahead only without problems. */
export type CsvReading = { rows: CsvObservation[]; issues: CsvRowIssue[] };

const REQUIRED_COLUMNS = ["indicator", "reporter", "period", "value", "unit"] as const;
const KNOWN_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, "source"];
export const CSV_HEADER = KNOWN_COLUMNS.join(",");

/**
 * `1234.5`, and with `;` as separator also the Russian-locale `1 234,5`; anything else is NaN, which the
 * observation schema reports as not a number.
 */
export function parseDecimal(text: string, separator: CsvSeparator): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  const normalized = separator === ";" && !compact.includes(".") ? compact.replace(",", ".") : compact;
  return /^\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

function headerIssues(columns: string[], line: number): CsvRowIssue[] {
  const unknown = columns.filter((c) => !KNOWN_COLUMNS.includes(c));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  return [
    ...unknown.map((c) => ({ line, column: c, message: `is not a known column (expected ${CSV_HEADER})` })),
    ...missing.map((c) => ({ line, column: c, message: "is missing from the header" })),
    ...repeated.map((c) => ({ line, column: c, message: "appears twice in the header" })),
  ];
}

function readRow(line: number, cells: Record<string, string>, separator: CsvSeparator) {
  const candidate = {
    indicator: cells.indicator,
    reporter: cells.reporter?.toUpperCase(),
    period: cells.period,
    value: parseDecimal(cells.value ?? "", separator),
    unit: cells.unit,
    ...(cells.source ? { source: cells.source } : {}),
  };
  const result = observationInputSchema.safeParse(candidate);
  if (result.success) return { row: { ...result.data, line }, issues: [] };
  const issues = result.error.issues.map((issue) => ({
    line,
    column: issue.path.length > 0 ? String(issue.path[0]) : null,
    message: issue.message,
  }));
  return { row: null, issues };
}

/** The same indicator, reporter and period twice would be written twice in one statement: the later line is an error. */
function repeatIssues(rows: CsvObservation[]): CsvRowIssue[] {
  const firstLine = new Map<string, number>();
  const issues: CsvRowIssue[] = [];
  for (const row of rows) {
    const key = `${row.indicator}|${row.reporter}|${row.period}`;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, row.line);
    else
      issues.push({
        line: row.line,
        column: "period",
        message: `repeats line ${first} (same indicator, reporter and period)`,
      });
  }
  return issues;
}

function rejected(line: number, message: string): CsvReading {
  return { rows: [], issues: [{ line, column: null, message }] };
}

/** Reads `indicator,reporter,period,value,unit,source` (any column order; `source` optional) into checked rows. */
export function readObservationsCsv(text: string): CsvReading {
  const body = text.replace(/^\uFEFF/, "");
  const separator = detectSeparator(body);
  const parsed = parseCsv(body, separator);
  if (!parsed.ok) return rejected(parsed.line, parsed.message);
  const [header, ...records] = parsed.records;
  if (!header) return rejected(1, `is empty; the header is ${CSV_HEADER}`);
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const problems = headerIssues(columns, header.line);
  if (problems.length > 0) return { rows: [], issues: problems };
  if (records.length === 0) return rejected(header.line, "has no rows under the header");
  const firstTooMany = records[MAX_IMPORT_ROWS];
  if (firstTooMany) return rejected(firstTooMany.line, `at most ${MAX_IMPORT_ROWS} rows can be imported at once`);
  const rows: CsvObservation[] = [];
  const issues: CsvRowIssue[] = [];
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      const message = `has ${record.fields.length} fields; the header has ${columns.length}`;
      issues.push({ line: record.line, column: null, message });
      continue;
    }
    const cells = Object.fromEntries(columns.map((c, i) => [c, record.fields[i]?.trim() ?? ""]));
    const read = readRow(record.line, cells, separator);
    if (read.row) rows.push(read.row);
    issues.push(...read.issues);
  }
  return { rows, issues: [...issues, ...repeatIssues(rows)].sort((a, b) => a.line - b.line) };
}
