import { createReadStream } from "node:fs";
import { pipeline, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { z } from "zod";

/**
 * The backup file: gzip of NDJSON. The first line is the header; every other line is one row,
 * `{"t": table, "r": {column: value}}`, the tables one after another in the header's order.
 */
export const BACKUP_FORMAT = "igc-desk-backup";
export const BACKUP_VERSION = 1;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  migrations: z.array(z.number().int()),
  tables: z.array(
    z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)), rows: z.number().int().min(0) }),
  ),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type TableCount = { name: string; rows: number };

export const backupRowSchema = z.object({ t: z.string(), r: z.record(z.string(), z.unknown()) });

/** Migration versions for people: `1–8` when they run without a gap. */
export function describeMigrations(versions: number[]): string {
  if (versions.length === 0) return "none";
  const [first, last] = [versions[0] as number, versions.at(-1) as number];
  return last - first + 1 === versions.length ? `${first}–${last}` : versions.join(", ");
}

/** A backup that cannot be written or read back; the message says what to do. */
export class BackupError extends Error {}

/** `igc-backup-2026-07-01T10-00-00Z.ndjson.gz`: sorts by time and is a valid file name everywhere. */
export function backupFileName(at: Date): string {
  return `igc-backup-${at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-")}.ndjson.gz`;
}

export type BackupInput = Readable | string;

/**
 * The lines of a backup, with their numbers. A damaged or cut-off gzip stream fails here (zlib checks the length
 * and CRC at the end), so a restore reading it rolls back.
 */
export async function* backupLines(input: BackupInput): AsyncGenerator<{ line: string; number: number }> {
  const source = typeof input === "string" ? createReadStream(input) : input;
  // `pipeline` destroys the gunzip stream with any error of the source, so iterating it sees every failure.
  const text = pipeline(source, createGunzip(), () => {});
  text.setEncoding("utf8");
  let pending = "";
  let number = 0;
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) yield { line, number: ++number };
    }
  } catch (error) {
    throw unreadable(error);
  } finally {
    text.destroy();
  }
  if (pending !== "") yield { line: pending, number: ++number };
}

function unreadable(error: unknown): BackupError {
  const reason = error instanceof Error ? error.message : String(error);
  const fromZlib =
    typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("Z_");
  return new BackupError(
    fromZlib ? `The backup file is damaged or incomplete (${reason}).` : `Cannot read the backup: ${reason}`,
  );
}

/** Parses one line as JSON, naming the line when it is not. */
export function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`Line ${number} of the backup is not valid JSON: the file is damaged.`);
  }
}

export function parseHeader(line: string | undefined): BackupHeader {
  let json: unknown;
  try {
    json = line === undefined ? undefined : JSON.parse(line);
  } catch {
    json = undefined;
  }
  const header = backupHeaderSchema.safeParse(json);
  if (!header.success) {
    throw new BackupError(
      `This is not an IGC Desk backup (format ${BACKUP_FORMAT}, version ${BACKUP_VERSION}): its first line does not describe one.`,
    );
  }
  return header.data;
}

/** Reads only the header: what a backup holds, without reading its rows. */
export async function readBackupHeader(input: BackupInput): Promise<BackupHeader> {
  for await (const { line } of backupLines(input)) return parseHeader(line);
  return parseHeader(undefined);
}
