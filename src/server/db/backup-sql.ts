import { type RawBuilder, sql } from "kysely";
import type { CatalogColumn, CatalogTable } from "./backup-catalog.ts";

/** The SQL both directions of a backup share: how a column becomes a JSON value and how it is read back. */

/** A column as the backup writes it, read from the table aliased `igc_src` (see `encodingOf`). */
export function columnAsJson(column: CatalogColumn): RawBuilder<unknown> {
  const value = sql.id("igc_src", column.name);
  switch (column.encoding) {
    case "json":
    case "natural":
      return sql`${value} as ${sql.id(column.name)}`;
    // encode() breaks base64 every 76 characters; decode() does not need the breaks.
    case "base64":
      return sql`translate(encode(${value}, 'base64'), E'\n', '') as ${sql.id(column.name)}`;
    case "text":
      return sql`${value}::text as ${sql.id(column.name)}`;
  }
}

/**
 * A column's value read back from a backup row held in the jsonb `row`. A JSON null is SQL NULL, also in a jsonb
 * column: the backup (like row_to_json) cannot tell a jsonb `null` from a missing value.
 */
export function columnFromJson(column: CatalogColumn, row: RawBuilder<unknown>): RawBuilder<unknown> {
  const key = sql.lit(column.name);
  switch (column.encoding) {
    case "json":
      return sql`nullif(${row} -> ${key}, 'null'::jsonb)`;
    case "base64":
      return sql`decode(${row} ->> ${key}, 'base64')`;
    case "natural":
    case "text":
      return sql`(${row} ->> ${key})::${sql.raw(column.type)}`;
  }
}

/** Every row of a table as one JSON text each, in primary-key order, from a cursor the caller fetches. */
export function declareRowCursor(cursor: string, table: CatalogTable): RawBuilder<unknown> {
  const order =
    table.primaryKey.length === 0
      ? sql``
      : sql`order by ${sql.join(table.primaryKey.map((key) => sql.id("igc_src", key)))}`;
  return sql`declare ${sql.id(cursor)} no scroll cursor for
    select row_to_json(igc_row)::text as r
    from ${sql.table(table.name)} as igc_src
    cross join lateral (select ${sql.join(table.columns.map(columnAsJson))}) as igc_row
    ${order}`;
}
