import { type CursorValue, decodeCursor, encodeCursor, type KeysetSort } from "../db/keyset.ts";
import { AppError } from "../http/errors.ts";

/** The position after which a page starts, or null for the first page; a foreign cursor is the caller's error. */
export function cursorPosition(cursor: string | undefined, sort: KeysetSort): CursorValue[] | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor, sort.columns.length);
  if (values === null) {
    throw new AppError("validation_failed", "cursor: is not a cursor this list gave (or the sort changed).", {
      path: "cursor",
    });
  }
  return values;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that another page exists, so no count
 * query is needed. The cursor is the sort key of the last row sent.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  present: (rows: R[]) => T[],
  sortValues: (row: R) => CursorValue[],
): { items: T[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: present(pageRows),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortValues(last)) : null,
  };
}
