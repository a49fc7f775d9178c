/**
 * A small RFC 4180 reader: fields separated by `,` or `;` (spreadsheets in Russian locales write `;`), quoted
 * fields may hold separators, line breaks and doubled quotes, lines end in CRLF or LF. Blank lines are skipped.
 * Each record keeps the line it starts on, so that errors can point at it.
 */
export type CsvRecord = { line: number; fields: string[] };
export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };
export type CsvSeparator = "," | ";";

/** The separator the header line uses: whichever of `;` and `,` it has more of. */
export function detectSeparator(text: string): CsvSeparator {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

export function parseCsv(text: string, separator: CsvSeparator): CsvParseResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    if (fieldStarted || fields.length > 0) records.push({ line: recordLine, fields: [...fields, field] });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && !fieldStarted) {
      const opened = line;
      i += 1;
      for (;;) {
        if (i >= text.length) return { ok: false, line: opened, message: "a quoted field is never closed" };
        const inner = text[i];
        if (inner === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (inner === '"') {
          i += 1;
          break;
        } else {
          if (inner === "\n") line += 1;
          field += inner;
          i += 1;
        }
      }
      const after = text[i];
      if (after !== undefined && after !== separator && after !== "\r" && after !== "\n") {
        return { ok: false, line, message: "text follows a closing quote; double a quote inside a quoted field" };
      }
      fieldStarted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = "";
      fieldStarted = false;
      i += 1;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  endRecord();
  return { ok: true, records };
}
