import {
  type ColumnKey,
  columnKeyOfHeader,
  DERIVED_COLUMNS,
  headerOf,
  NAME_SEPARATOR,
  sideOfKey,
} from "../../../documents/sheets/commitment-columns.ts";
import { STATUS_LABELS } from "../../../documents/text/status-labels.ts";
import { idSchema } from "../../../shared/api/common.ts";
import type { ImportIssue } from "../../../shared/api/exports.ts";
import { COMMITMENT_STATUSES, type CommitmentStatus, parseDeadline } from "../../../shared/deadline.ts";
import { LANGUAGES, type Language } from "../../../shared/i18n-text.ts";
import { SECTOR_CODES, SECTOR_NAMES, type SectorCode } from "../../../shared/sectors.ts";
import type { ImportTable } from "./import-file.ts";

/**
 * One row of an import file, read and checked on its own. A field is `undefined` when the file has no column for
 * it (an update then keeps what is stored); an empty cell clears an optional field.
 */
export type ImportRow = {
  row: number;
  id: string | null;
  session: number | null;
  item: string | null | undefined;
  sector: SectorCode | undefined;
  /** The texts of the languages the file has a column for; null clears that language. */
  text: Partial<Record<Language, string | null>>;
  /** Organisation names per side, for the sides the file has a column for. */
  responsible: Map<string, string[]>;
  deadline: string | null | undefined;
  status: CommitmentStatus | undefined;
  progress: number | undefined;
  note: string | null;
};

export type ParsedRows = { rows: ImportRow[]; issues: ImportIssue[] };

type Parsed<T> = { value: T } | { error: string };
const ok = <T>(value: T): Parsed<T> => ({ value });
const failed = (error: string): Parsed<never> => ({ error });

const TEXT_COLUMNS: Record<Language, ColumnKey> = { ru: "textRu", en: "textEn", az: "textAz" };
const MAX_TEXT = 20_000;
const MAX_ITEM = 20;
const fold = (text: string) => text.trim().toLocaleLowerCase().replace(/[ _]+/g, " ");

const parseId = (cell: string): Parsed<string | null> =>
  cell === ""
    ? ok(null)
    : idSchema.safeParse(cell).success
      ? ok(cell.toLowerCase())
      : failed("is not an id IGC Desk gave");

const parseSession = (cell: string): Parsed<number | null> =>
  cell === "" ? ok(null) : /^\d+$/.test(cell) ? ok(Number(cell)) : failed("must be the session's number");

const parseItem = (cell: string): Parsed<string | null> =>
  cell.length > MAX_ITEM ? failed(`must be at most ${MAX_ITEM} characters`) : ok(cell === "" ? null : cell);

function parseSector(cell: string): Parsed<SectorCode> {
  const named = (code: SectorCode) =>
    code === cell || LANGUAGES.some((l) => fold(SECTOR_NAMES[code][l]) === fold(cell));
  const sector = SECTOR_CODES.find(named);
  if (sector) return ok(sector);
  return failed(cell === "" ? "is required" : `must be one of: ${SECTOR_CODES.join(", ")}`);
}

const parseText = (cell: string): Parsed<string | null> =>
  cell.length > MAX_TEXT ? failed(`must be at most ${MAX_TEXT} characters`) : ok(cell === "" ? null : cell);

function parseDeadlineCell(cell: string): Parsed<string | null> {
  if (cell === "" || parseDeadline(cell)) return ok(cell === "" ? null : cell);
  return failed("must be a date (2026-06-30), a month (2026-06), a quarter (2026-Q4), a year (2026) or 'ongoing'");
}

/** A status by its code or by its label in any of the three languages. */
function parseStatus(cell: string): Parsed<CommitmentStatus | undefined> {
  if (cell === "") return ok(undefined);
  const named = (s: CommitmentStatus) =>
    fold(s) === fold(cell) || LANGUAGES.some((l) => fold(STATUS_LABELS[l][s]) === fold(cell));
  const status = COMMITMENT_STATUSES.find(named);
  return status ? ok(status) : failed(`must be one of: ${COMMITMENT_STATUSES.join(", ")}`);
}

function parseProgress(cell: string): Parsed<number | undefined> {
  if (cell === "") return ok(undefined);
  const value = Number(cell.replace(/\s*%$/, ""));
  return Number.isInteger(value) && value >= 0 && value <= 100
    ? ok(value)
    : failed("must be a whole number from 0 to 100");
}

const parseNames = (cell: string): Parsed<string[]> =>
  ok(
    cell
      .split(NAME_SEPARATOR.trim())
      .map((n) => n.trim())
      .filter((n) => n !== ""),
  );

function readRow(
  row: number,
  cells: Map<ColumnKey, string>,
  lang: Language,
): { row: ImportRow; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  /** The column's value; undefined when the file has no such column, or when the cell is wrong (with an issue). */
  function read<T>(key: ColumnKey, parse: (cell: string) => Parsed<T>): T | undefined {
    const cell = cells.get(key);
    if (cell === undefined) return undefined;
    const result = parse(cell);
    if ("error" in result) {
      issues.push({ row, column: headerOf(key, lang), message: result.error });
      return undefined;
    }
    return result.value;
  }
  const responsible = new Map(
    [...cells.keys()].flatMap((key): [string, string[]][] => {
      const side = sideOfKey(key);
      return side === null ? [] : [[side, read(key, parseNames) ?? []]];
    }),
  );
  return {
    row: {
      row,
      id: read("id", parseId) ?? null,
      session: read("session", parseSession) ?? null,
      item: read("item", parseItem),
      sector: read("sector", parseSector),
      text: Object.fromEntries(
        LANGUAGES.filter((l) => cells.has(TEXT_COLUMNS[l])).map((l) => [l, read(TEXT_COLUMNS[l], parseText) ?? null]),
      ),
      responsible,
      deadline: read("deadline", parseDeadlineCell),
      status: read("status", parseStatus),
      progress: read("progress", parseProgress),
      note: read("note", parseText) ?? null,
    },
    issues,
  };
}

/**
 * The file's rows by the columns its header names (in ru, en or az). Unknown columns are an error rather than
 * silently dropped; derived columns (due date, late) are read past.
 */
export function readImportRows(table: ImportTable, lang: Language): ParsedRows {
  const keys = table.headers.map((h) => (h === "" ? null : columnKeyOfHeader(h)));
  const issues: ImportIssue[] = table.headers.flatMap((header, i) =>
    header !== "" && keys[i] === null ? [{ row: 1, column: header, message: "is not a column IGC Desk knows" }] : [],
  );
  const repeated = keys.filter((k, i) => k !== null && keys.indexOf(k) !== i);
  for (const key of new Set(repeated)) {
    issues.push({ row: 1, column: headerOf(key as ColumnKey, lang), message: "appears twice" });
  }
  if (!keys.includes("sector")) issues.push({ row: 1, column: headerOf("sector", lang), message: "is missing" });
  if (issues.length > 0) return { rows: [], issues };
  const rows = table.rows.map((r) => {
    const cells = new Map(
      keys.flatMap((key, i): [ColumnKey, string][] =>
        key === null || DERIVED_COLUMNS.includes(key) ? [] : [[key, r.cells[i] ?? ""]],
      ),
    );
    return readRow(r.row, cells, lang);
  });
  return { rows: rows.map((r) => r.row), issues: rows.flatMap((r) => r.issues) };
}
