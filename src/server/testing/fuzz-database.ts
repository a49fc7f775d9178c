// What the fuzzer needs from the database: the ids of real records to aim at, and a cheap fingerprint that changes
// whenever anything is written.
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";

async function tablesOf(db: Kysely<DB>, withColumn?: string): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and (${withColumn ?? null}::text is null or c.column_name = ${withColumn ?? null})
    group by c.table_name order by c.table_name`.execute(db);
  return rows.rows.map((r) => r.table_name);
}

/** Per table: the ids of its rows (tables with a uuid `id`), for aiming requests at records that exist. */
export async function idsByTable(db: Kysely<DB>, except: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const byTable = new Map<string, string[]>();
  for (const table of await tablesOf(db, "id")) {
    const rows = await sql<{ id: string }>`select id::text as id from ${sql.table(table)} limit 200`.execute(db);
    const ids = rows.rows.map((r) => r.id).filter((id) => /^[0-9a-f-]{36}$/.test(id) && !except.has(id));
    if (ids.length > 0) byTable.set(table, ids);
  }
  return byTable;
}

export type Fingerprint = Map<string, string>;

/**
 * A function that reads, per table, the row count and the sum of the rows' `xmin` (the transaction that last wrote
 * each row). An insert or delete changes the count; an update gives the row a new `xmin`. Cheaper than hashing
 * contents, and unlike pg_stat_user_tables it is exact on PGlite too.
 */
export async function fingerprinter(db: Kysely<DB>): Promise<() => Promise<Fingerprint>> {
  const tables = await tablesOf(db);
  const query = sql.join(
    tables.map(
      (table) =>
        sql`select ${table}::text as name, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) as print from ${sql.table(table)}`,
    ),
    sql` union all `,
  );
  return async () => {
    const rows = await sql<{ name: string; print: string }>`${query}`.execute(db);
    return new Map(rows.rows.map((r) => [r.name, r.print]));
  };
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}
