import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { type Kysely, sql } from "kysely";
import { type CatalogTable, dependencyOrder, readCatalog } from "./backup-catalog.ts";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type BackupHeader,
  type BackupInput,
  backupLines,
  parseHeader,
  type TableCount,
} from "./backup-format.ts";
import { restoreInTransaction } from "./backup-restore.ts";
import { declareRowCursor } from "./backup-sql.ts";
import type { DB } from "./schema.ts";

export type BackupSummary = Pick<BackupHeader, "createdAt" | "migrations"> & { tables: TableCount[] };

const CURSOR = "igc_backup_rows";
const ROWS_PER_FETCH = 500;
// Rows that carry files (bytea) can be megabytes each: fetch them a few at a time.
const FILE_ROWS_PER_FETCH = 4;

/**
 * Writes a logical backup of every table of the public schema to `output` (a stream, or a file path written
 * whole or not at all). One `repeatable read, read only` transaction gives a consistent snapshot without
 * blocking writers on a PostgreSQL server. On PGlite, a single connection, other queries wait until it is done.
 */
export async function writeBackup(db: Kysely<DB>, output: Writable | string): Promise<BackupSummary> {
  if (typeof output === "string") return writeAtomically(output, (stream) => writeBackup(db, stream));
  const header = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      await unambiguousTextForms(trx);
      const tables = dependencyOrder((await readCatalog(trx)).values());
      const snapshot = await describeSnapshot(trx, tables);
      await pipeline(backupText(trx, tables, snapshot), createGzip(), output);
      return snapshot;
    });
  return summaryOf(header);
}

/** Replaces every row of the database with the backup's, in one transaction; answers the rows per table. */
export async function restoreBackup(db: Kysely<DB>, input: BackupInput): Promise<TableCount[]> {
  const lines = backupLines(input);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value.line);
    return await db.transaction().execute((trx) => restoreInTransaction(trx, header, lines));
  } catch (error) {
    throw untouched(error);
  } finally {
    await lines.return(undefined);
  }
}

/** Every refusal of a restore says that the data is as it was: the one transaction rolled back. */
function untouched(error: unknown): unknown {
  const unchanged = "The database was not changed.";
  if (error instanceof BackupError) return new BackupError(`${error.message} ${unchanged}`);
  // A value the database refuses (a damaged or hand-edited row) is a fault of the file, not of the program.
  if (isDatabaseError(error)) {
    return new BackupError(`The backup could not be restored: ${error.message}. ${unchanged}`);
  }
  return error;
}

/** An error the database answered (pg's DatabaseError, or PGlite's own, which carries the same fields). */
function isDatabaseError(error: unknown): error is Error {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  return (
    error instanceof Error && typeof severity === "string" && typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)
  );
}

/** Writes a file under a temporary name and renames it when complete, so a failure never leaves half a backup. */
export async function writeAtomically<T>(path: string, write: (stream: Writable) => Promise<T>): Promise<T> {
  const partial = `${path}.partial`;
  try {
    const result = await write(createWriteStream(partial));
    await rename(partial, path);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export function summaryOf(header: BackupHeader): BackupSummary {
  return {
    createdAt: header.createdAt,
    migrations: header.migrations,
    tables: header.tables.map(({ name, rows }) => ({ name, rows })),
  };
}

/**
 * Values travel as PostgreSQL text: make that text read back the same on any server, whatever its settings
 * (ISO dates, not `SQL, DMY`; floats with every digit).
 */
async function unambiguousTextForms(trx: Kysely<DB>): Promise<void> {
  await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
  await sql`set local intervalstyle = 'postgres'`.execute(trx);
  await sql`set local extra_float_digits = 3`.execute(trx);
}

async function describeSnapshot(trx: Kysely<DB>, tables: CatalogTable[]): Promise<BackupHeader> {
  if (!tables.some((table) => table.name === "schema_migrations")) {
    throw new BackupError("This database has no IGC Desk schema (no schema_migrations table): nothing to back up.");
  }
  const migrations = await trx.selectFrom("schema_migrations").select("version").orderBy("version").execute();
  const counted = [];
  for (const table of tables) {
    const { rows } = await sql<{ rows: number }>`select count(*)::int as rows from ${sql.table(table.name)}`.execute(
      trx,
    );
    counted.push({ name: table.name, columns: table.columns.map((c) => c.name), rows: rows[0]?.rows ?? 0 });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    migrations: migrations.map((m) => m.version),
    tables: counted,
  };
}

/** The header line, then each table's rows through a cursor, so a large database never sits in memory. */
async function* backupText(trx: Kysely<DB>, tables: CatalogTable[], header: BackupHeader): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    const rowLine = (r: string) => `{"t":${JSON.stringify(table.name)},"r":${r}}\n`;
    const perFetch = table.columns.some((c) => c.encoding === "base64") ? FILE_ROWS_PER_FETCH : ROWS_PER_FETCH;
    await declareRowCursor(CURSOR, table).execute(trx);
    for (;;) {
      const { rows } = await sql<{
        r: string;
      }>`fetch forward ${sql.raw(String(perFetch))} from ${sql.id(CURSOR)}`.execute(trx);
      if (rows.length === 0) break;
      yield rows.map((row) => rowLine(row.r)).join("");
    }
    await sql`close ${sql.id(CURSOR)}`.execute(trx);
  }
}
