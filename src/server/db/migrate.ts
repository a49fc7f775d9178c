import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { COUNTRIES } from "../../shared/countries.ts";
import { SECTOR_CODES, SECTOR_NAMES } from "../../shared/sectors.ts";
import type { DB } from "./schema.ts";

const MIGRATIONS_DIR = join(import.meta.dirname, "migrations");
const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any fixed number: instances starting together wait for each other instead of migrating twice.
const MIGRATION_LOCK_KEY = 7_241_001;

export type Migration = { version: number; name: string; sql: string };

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: readFileSync(join(dir, file), "utf8"),
    }))
    .sort((a, b) => a.version - b.version);
}

/**
 * Applies pending migrations, forward only, all in one transaction under an advisory lock, then brings the
 * reference lists (countries, sectors) in line with the code. Returns the versions it applied.
 */
export async function migrate(db: Kysely<DB>, migrations: Migration[] = readMigrations()): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version int primary key, name text not null, applied_at timestamptz not null default now())`.execute(trx);
    const done = new Set((await trx.selectFrom("schema_migrations").select("version").execute()).map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto("schema_migrations").values({ version: migration.version, name: migration.name }).execute();
      applied.push(migration.version);
    }
    await syncReferenceData(trx);
    return applied;
  });
}

async function syncReferenceData(db: Kysely<DB>): Promise<void> {
  const countries = Object.entries(COUNTRIES).map(([code, name]) => ({ code, name: JSON.stringify(name) }));
  await db
    .insertInto("countries")
    .values(countries)
    .onConflict((oc) => oc.column("code").doUpdateSet((eb) => ({ name: eb.ref("excluded.name") })))
    .execute();
  const sectors = SECTOR_CODES.map((code, i) => ({ code, name: JSON.stringify(SECTOR_NAMES[code]), sort_order: i }));
  await db
    .insertInto("sectors")
    .values(sectors)
    .onConflict((oc) =>
      oc
        .column("code")
        .doUpdateSet((eb) => ({ name: eb.ref("excluded.name"), sort_order: eb.ref("excluded.sort_order") })),
    )
    .execute();
}
