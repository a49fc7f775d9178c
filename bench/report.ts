import { cpus, totalmem } from "node:os";

export type Column = { header: string; align: "left" | "right" };

/** A plain-text table: a header row, a rule, then one line per row. */
export function formatTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return columns[i]?.align === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join("\n");
}

export function describeMachine(): string {
  const processors = cpus();
  const memoryGiB = totalmem() / 1024 ** 3;
  return [
    `CPU:    ${processors[0]?.model ?? "unknown"} × ${processors.length} cores`,
    `Memory: ${memoryGiB.toFixed(1)} GiB`,
    `Node:   ${process.version}`,
  ].join("\n");
}

export const formatMs = (ms: number): string => ms.toFixed(2);
export const formatCount = (n: number): string => Math.round(n).toLocaleString("en-US");
export const formatSeconds = (seconds: number): string => `${seconds.toFixed(1)} s`;

/** Progress goes to stderr so that stdout holds only the report. */
export function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`);
}
