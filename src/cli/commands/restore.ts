import { access } from "node:fs/promises";
import type { Command } from "commander";
import { sql } from "kysely";
import { describeDatabase, loadConfig } from "../../server/config.ts";
import { restoreBackup } from "../../server/db/backup.ts";
import { BackupError, type BackupHeader, readBackupHeader } from "../../server/db/backup-format.ts";
import { type Database, openDatabase } from "../../server/db/client.ts";
import { migrate, readMigrations } from "../../server/db/migrate.ts";
import { printCounts } from "./backup.ts";

export function registerRestore(program: Command): void {
  program
    .command("restore")
    .description("replace every row of the database with a backup's (from igc backup)")
    .argument("<file>", "the backup (.ndjson.gz)")
    .option("--yes", "go ahead: all data now in the database is replaced")
    .action(async (file: string, options: { yes?: boolean }) => {
      try {
        await access(file).catch(() => {
          throw new BackupError(`Cannot read ${file}: no such file, or not readable.`);
        });
        const header = await readBackupHeader(file);
        const config = loadConfig();
        const target = describeDatabase(config.database);
        if (!options.yes) {
          const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
          console.error(
            `This replaces all data in ${target} with the backup taken at ${header.createdAt} (${rows} rows). ` +
              "Stop the server, then run again with --yes to go ahead.",
          );
          process.exitCode = 1;
          return;
        }
        const database = await openDatabase(config.database);
        try {
          await createSchemaIfEmpty(database, header);
          printCounts(`Restored ${file} into ${target}`, await restoreBackup(database.db, file));
        } finally {
          await database.close();
        }
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
      }
    });
}

/**
 * A new database (restoring onto a new machine) gets exactly the backup's migrations, so that the backup fits;
 * the next `igc serve` or `igc migrate` brings it up to this version.
 */
async function createSchemaIfEmpty(database: Database, header: BackupHeader): Promise<void> {
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass('public.schema_migrations') is not null as present`.execute(database.db);
  if (rows[0]?.present) return;
  const wanted = new Set(header.migrations);
  const known = readMigrations().filter((m) => wanted.has(m.version));
  if (known.length !== wanted.size) {
    throw new BackupError(
      `The backup needs database migrations this version of IGC Desk does not have (${header.migrations.join(", ")}): upgrade IGC Desk first.`,
    );
  }
  await migrate(database.db, known);
}
