import ExcelJS from "exceljs";
import type { ImportIssue } from "../../../shared/api/exports.ts";
import { AppError } from "../../http/errors.ts";
import { detectSeparator, parseCsv } from "../indicators/csv.ts";

/** A spreadsheet's header and its rows of text, each row with its number as the file shows it (header = 1). */
export type ImportTable = { headers: string[]; rows: { row: number; cells: string[] }[] };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function importFailed(issues: ImportIssue[]): AppError {
  const listed = issues
    .slice(0, 5)
    .map((i) => `row ${i.row}, ${i.column}: ${i.message}`)
    .join("; ");
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  return new AppError("validation_failed", `Nothing was imported. Fix the file and try again: ${listed}${more}.`, {
    issues,
  });
}

function cellText(cell: ExcelJS.Cell): string {
  // A day typed into a cell becomes a date; the import reads days as ISO text.
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return cell.text.trim();
}

async function readXlsx(bytes: Buffer): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of exactly the file's bytes is one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw importFailed([{ row: 1, column: "(file)", message: "is not a readable XLSX workbook" }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importFailed([{ row: 1, column: "(file)", message: "has no worksheet" }]);
  const width = sheet.getRow(1).cellCount;
  const textsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)));
  const rows: ImportTable["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > 1) rows.push({ row: number, cells: textsOf(row) });
  });
  return { headers: textsOf(sheet.getRow(1)), rows: rows.filter((r) => r.cells.some((c) => c !== "")) };
}

function readCsv(bytes: Buffer): ImportTable {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const parsed = parseCsv(text, detectSeparator(text));
  if (!parsed.ok) throw importFailed([{ row: parsed.line, column: "(file)", message: parsed.message }]);
  const [header, ...records] = parsed.records;
  return {
    headers: (header?.fields ?? []).map((h) => h.trim()),
    rows: records
      .map((r) => ({ row: r.line, cells: r.fields.map((f) => f.trim()) }))
      .filter((r) => r.cells.some((c) => c !== "")),
  };
}

/** An XLSX workbook (its first sheet) or a CSV file, told apart by their bytes. */
export async function readImportTable(bytes: Buffer): Promise<ImportTable> {
  return bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC) ? readXlsx(bytes) : readCsv(bytes);
}
