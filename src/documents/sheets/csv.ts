import type { Sheet } from "./commitment-sheet.ts";

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = "\uFEFF";

function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: comma-separated, quoted where needed, CRLF line ends. */
export function writeCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((c) => c.header), ...sheet.rows].map((row) => row.map(csvField).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
