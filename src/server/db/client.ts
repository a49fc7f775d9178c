import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.ts";

export type Engine = "pglite" | "postgres";
export type Database = { db: Kysely<DB>; engine: Engine; close: () => Promise<void> };
export type DatabaseTarget = { databaseUrl: string } | { dataDir: string };

// Dates and timestamps stay strings: ISO at the edges, no time-zone shifts, exact values for keyset cursors.
// bigint counts become numbers (they never approach 2^53 here). The parsers are global to `pg`, so both
// engines (PGlite speaks through the same `pg` client) return the same shapes.
const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(TIMESTAMPTZ_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

/** One code path for both engines: Kysely's PostgresDialect over a `pg` pool, PGlite behind a pg-compatible bridge. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("databaseUrl" in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir);
  // PGlite is a single connection; the bridge's pool has one client, so queries queue rather than interleave.
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "pglite",
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
