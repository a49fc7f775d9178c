import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { type Command, Option } from "commander";
import { describeDatabase, loadConfig } from "../../server/config.ts";
import { type BackupSummary, summaryOf, writeAtomically, writeBackup } from "../../server/db/backup.ts";
import {
  BackupError,
  backupFileName,
  describeMigrations,
  readBackupHeader,
  type TableCount,
} from "../../server/db/backup-format.ts";
import { openDatabase } from "../../server/db/client.ts";

type BackupOptions = { out?: string; from?: string; token?: string };

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description("write a consistent backup of the whole database (gzip of NDJSON) while the server may run")
    .option("--out <file>", "where to write it (default: igc-backup-<time>.ndjson.gz in this folder)")
    .option("--from <url>", "download it from a running server (its address, e.g. http://localhost:3000)")
    .addOption(new Option("--token <token>", "an administrator's API token, for --from").env("IGC_TOKEN"))
    .action(async (options: BackupOptions) => {
      const out = options.out ?? backupFileName(new Date());
      try {
        const summary = options.from ? await download(options.from, options.token, out) : await backupHere(out);
        printCounts(`Backed up ${summary.source} to ${out}`, summary.tables);
        console.log(`Database migrations ${describeMigrations(summary.migrations)}; taken at ${summary.createdAt}.`);
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
      }
    });
}

type Made = BackupSummary & { source: string };

async function backupHere(out: string): Promise<Made> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    return { ...(await writeBackup(database.db, out)), source: describeDatabase(config.database) };
  } finally {
    await database.close();
  }
}

/** With PGlite the server holds the data folder, so the backup comes from the server itself. */
async function download(from: string, token: string | undefined, out: string): Promise<Made> {
  if (!token) throw new BackupError("--from needs an administrator's API token: --token <token> or IGC_TOKEN.");
  const url = new URL("api/backup", from.endsWith("/") ? from : `${from}/`);
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } }).catch((error: unknown) => {
    throw new BackupError(`Cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}.`);
  });
  if (!response.ok || !response.body) {
    throw new BackupError(`${url} answered ${response.status}: ${await errorMessageOf(response)}`);
  }
  const body = response.body;
  await writeAtomically(out, (file) => pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), file));
  // Reading the header back also checks that what arrived is a backup.
  return { ...summaryOf(await readBackupHeader(out)), source: url.origin };
}

async function errorMessageOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { error: { message: string } }).error.message;
  } catch {
    return text.slice(0, 200) || response.statusText;
  }
}

/** A heading, one line per table with its rows, and the total. */
export function printCounts(heading: string, tables: TableCount[]): void {
  const width = Math.max(...tables.map((t) => t.name.length));
  const total = tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`${heading}:`);
  const byName = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  for (const table of byName) console.log(`  ${table.name.padEnd(width)}  ${String(table.rows).padStart(8)}`);
  console.log(`${tables.length} tables, ${total} rows.`);
}
