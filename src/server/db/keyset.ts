import { type RawBuilder, sql } from "kysely";

/**
 * Keyset pagination: the cursor is the sort key of the last row sent, and the next page starts strictly after
 * it. Each sort is a list of SQL expressions with their SQL types (for casting the cursor's values) and one
 * direction, compared as a row: `(a, b, id) > ($1, $2, $3)`.
 */
export type KeysetSort = { columns: { expr: RawBuilder<unknown>; type: string }[]; direction: "asc" | "desc" };
export type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** Returns null when the text is not a cursor of this sort (tampered, stale format or from another sort). */
export function decodeCursor(cursor: string, expectedLength: number): CursorValue[] | null {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(values) || values.length !== expectedLength) return null;
    if (!values.every((v) => typeof v === "string" || typeof v === "number")) return null;
    return values as CursorValue[];
  } catch {
    return null;
  }
}

export function keysetAfter(sort: KeysetSort, values: CursorValue[]): RawBuilder<boolean> {
  const left = sql.join(sort.columns.map((c) => c.expr));
  const right = sql.join(sort.columns.map((c, i) => sql`cast(${values[i]} as ${sql.raw(c.type)})`));
  return sort.direction === "asc" ? sql<boolean>`(${left}) > (${right})` : sql<boolean>`(${left}) < (${right})`;
}

export function keysetOrder(sort: KeysetSort): RawBuilder<unknown> {
  const dir = sql.raw(sort.direction);
  return sql.join(sort.columns.map((c) => sql`${c.expr} ${dir}`));
}
