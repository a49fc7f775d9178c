import { type Kysely, sql } from "kysely";
import { type CatalogColumn, type CatalogTable, readCatalog } from "./backup-catalog.ts";
import {
  BackupError,
  type BackupHeader,
  backupRowSchema,
  describeMigrations,
  parseLine,
  type TableCount,
} from "./backup-format.ts";
import { columnFromJson } from "./backup-sql.ts";
import type { DB } from "./schema.ts";

type Row = Record<string, unknown>;

/** One table of the backup, as this database will take it back. */
type TablePlan = {
  table: CatalogTable;
  expectedRows: number;
  /**
   * Foreign-key columns pointing at the table itself or at a table restored later (a carried-over commitment, an event
   * inside another event, a cycle between tables): inserted as NULL, then set once every row is in.
   */
  deferred: CatalogColumn[];
  /** The primary key's columns, by which deferred columns are set. */
  keyColumns: CatalogColumn[];
};

const DEFERRED_TABLE = "igc_restore_deferred";
const MAX_BATCH_ROWS = 1000;
// JSON characters per insert: keeps rows carrying files from piling up in memory.
const MAX_BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Restores `lines` (the rows after the header) inside `trx`: checks that the backup fits this database, empties
 * every table, inserts the rows in batches, sets deferred foreign keys and moves sequences past the restored ids.
 * Any failure throws, and the caller's transaction leaves the data as it was.
 */
export async function restoreInTransaction(
  trx: Kysely<DB>,
  header: BackupHeader,
  lines: AsyncIterable<{ line: string; number: number }>,
): Promise<TableCount[]> {
  const catalog = await readCatalog(trx);
  await refuseOtherMigrations(trx, catalog, header);
  const plans = planRestore(catalog, header);
  await sql`truncate table ${sql.join(plans.map((p) => sql.table(p.table.name)))} restart identity cascade`.execute(
    trx,
  );
  if (plans.some((p) => p.deferred.length > 0)) {
    await sql`create temporary table ${sql.id(DEFERRED_TABLE)} (table_name text not null, r jsonb not null)
      on commit drop`.execute(trx);
  }
  const counts = await insertRows(trx, plans, lines);
  for (const plan of plans) await setDeferredColumns(trx, plan);
  for (const plan of plans) await resetSequences(trx, plan.table);
  return counts;
}

async function refuseOtherMigrations(trx: Kysely<DB>, catalog: Map<string, CatalogTable>, header: BackupHeader) {
  if (!catalog.has("schema_migrations")) {
    throw new BackupError(
      `This database has no IGC Desk schema yet: migrate it to the backup's migrations (${describeMigrations(header.migrations)}) first.`,
    );
  }
  const rows = await trx.selectFrom("schema_migrations").select("version").orderBy("version").execute();
  const current = rows.map((r) => r.version);
  const backup = [...header.migrations].sort((a, b) => a - b);
  if (current.join() === backup.join()) return;
  const advice =
    (backup.at(-1) ?? 0) < (current.at(-1) ?? 0)
      ? "Restore it with the IGC Desk version that made it (into a database at its migrations), then run `igc migrate` with this version."
      : "Upgrade IGC Desk to the version that made the backup and run `igc migrate`, then restore.";
  throw new BackupError(
    `The backup was made at database migrations ${describeMigrations(backup)}, but this database is at ${describeMigrations(current)}. ${advice}`,
  );
}

/** Matches the backup's tables and columns to this database's, and decides which foreign keys wait. */
function planRestore(catalog: Map<string, CatalogTable>, header: BackupHeader): TablePlan[] {
  const position = new Map(header.tables.map((t, i) => [t.name, i]));
  const missing = [...catalog.keys()].filter((name) => !position.has(name));
  if (missing.length > 0) {
    throw new BackupError(`The backup has no table ${missing.join(", ")}, which this database has: it is damaged.`);
  }
  return header.tables.map((entry, index) => {
    const table = catalog.get(entry.name);
    if (!table) throw new BackupError(`The backup holds a table ${entry.name} this database does not have.`);
    const expected = table.columns.map((c) => c.name).sort();
    if (expected.join() !== [...entry.columns].sort().join()) {
      throw new BackupError(
        `The backup's table ${entry.name} has the columns ${entry.columns.join(", ")}; this database expects ${expected.join(", ")}.`,
      );
    }
    const waiting = table.foreignKeys.filter((fk) => (position.get(fk.references) ?? -1) >= index);
    const deferredNames = new Set(waiting.flatMap((fk) => fk.columns));
    const deferred = table.columns.filter((c) => deferredNames.has(c.name));
    const keyColumns = table.columns.filter((c) => table.primaryKey.includes(c.name));
    const notNull = deferred.find((c) => !c.nullable);
    const noKey = table.primaryKey.length === 0 || keyColumns.length < table.primaryKey.length;
    if (notNull || (deferred.length > 0 && noKey)) {
      throw new BackupError(
        `Cannot restore ${entry.name}: its rows reference rows restored after them, and ${notNull ? `${notNull.name} cannot be empty meanwhile` : "it has no primary key to set them by"}.`,
      );
    }
    return { table, expectedRows: entry.rows, deferred, keyColumns };
  });
}

/** Reads the row lines in order, inserting each table's rows in batches; answers the rows restored per table. */
async function insertRows(
  trx: Kysely<DB>,
  plans: TablePlan[],
  lines: AsyncIterable<{ line: string; number: number }>,
): Promise<TableCount[]> {
  const counts = plans.map(() => 0);
  let current = 0;
  let batch: Row[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (batch.length > 0) await insertBatch(trx, plans[current] as TablePlan, batch);
    batch = [];
    batchChars = 0;
  };
  for await (const { line, number } of lines) {
    if (line === "") continue;
    const parsed = backupRowSchema.safeParse(parseLine(line, number));
    if (!parsed.success) throw new BackupError(`Line ${number} of the backup is not a table row: the file is damaged.`);
    const { t: tableName, r: row } = parsed.data;
    if (tableName !== plans[current]?.table.name) {
      const next = plans.findIndex((p, i) => i > current && p.table.name === tableName);
      if (next === -1) {
        throw new BackupError(
          `Line ${number} holds a row of ${tableName} out of the header's order: the file is damaged.`,
        );
      }
      await flush();
      current = next;
    }
    const plan = plans[current] as TablePlan;
    const unknown = Object.keys(row).find((key) => !plan.table.columns.some((c) => c.name === key));
    if (unknown) throw new BackupError(`Line ${number} has a column ${unknown} that ${tableName} does not have.`);
    batch.push(row);
    batchChars += line.length;
    counts[current] = (counts[current] ?? 0) + 1;
    if (batch.length >= MAX_BATCH_ROWS || batchChars >= MAX_BATCH_CHARS) await flush();
  }
  await flush();
  plans.forEach((plan, i) => {
    if (counts[i] !== plan.expectedRows) {
      throw new BackupError(
        `The backup is incomplete: it announces ${plan.expectedRows} rows of ${plan.table.name} but holds ${counts[i]}.`,
      );
    }
  });
  return plans.map((plan, i) => ({ name: plan.table.name, rows: counts[i] ?? 0 }));
}

const BATCH_ROW = sql.ref("igc_batch.r");

async function insertBatch(trx: Kysely<DB>, plan: TablePlan, rows: Row[]): Promise<void> {
  const { table, deferred } = plan;
  const json = JSON.stringify(rows);
  const overriding = table.columns.some((c) => c.identityAlways) ? sql`overriding system value` : sql``;
  const values = table.columns.map((c) => (deferred.includes(c) ? sql`null` : columnFromJson(c, BATCH_ROW)));
  await sql`insert into ${sql.table(table.name)} (${sql.join(table.columns.map((c) => sql.id(c.name)))}) ${overriding}
    select ${sql.join(values)} from jsonb_array_elements(${json}::jsonb) as igc_batch(r)`.execute(trx);
  if (deferred.length === 0) return;
  const anySet = sql.join(
    deferred.map((c) => sql`${BATCH_ROW} ->> ${sql.lit(c.name)} is not null`),
    sql` or `,
  );
  await sql`insert into ${sql.id(DEFERRED_TABLE)} (table_name, r)
    select ${table.name}::text, r from jsonb_array_elements(${json}::jsonb) as igc_batch(r) where ${anySet}`.execute(
    trx,
  );
}

async function setDeferredColumns(trx: Kysely<DB>, { table, deferred, keyColumns }: TablePlan): Promise<void> {
  if (deferred.length === 0) return;
  const saved = sql.ref(`${DEFERRED_TABLE}.r`);
  const matches = keyColumns.map((c) => sql`${sql.id(table.name, c.name)} = ${columnFromJson(c, saved)}`);
  await sql`update ${sql.table(table.name)}
    set ${sql.join(deferred.map((c) => sql`${sql.id(c.name)} = ${columnFromJson(c, saved)}`))}
    from ${sql.id(DEFERRED_TABLE)}
    where ${sql.id(DEFERRED_TABLE, "table_name")} = ${table.name} and ${sql.join(matches, sql` and `)}`.execute(trx);
}

/** Identity and serial sequences continue after the largest restored value (TRUNCATE restarted them). */
async function resetSequences(trx: Kysely<DB>, table: CatalogTable): Promise<void> {
  for (const column of table.columns) {
    if (!column.sequence) continue;
    await sql`select setval(${column.sequence}::regclass, max(${sql.id(column.name)}))
      from ${sql.table(table.name)} having max(${sql.id(column.name)}) is not null`.execute(trx);
  }
}
