import { once } from "node:events";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Kysely } from "kysely";
import { writeBackup } from "../../db/backup.ts";
import { backupFileName } from "../../db/backup-format.ts";
import type { DB } from "../../db/schema.ts";

export type BackupDownload = { fileName: string; body: ReadableStream<Uint8Array> };

export function createBackupService(db: Kysely<DB>) {
  return {
    /**
     * The whole database as a backup file to download. It is written to a temporary file first and sent from
     * there: the snapshot's transaction lasts as long as the database takes to read, not as long as the client
     * takes to download — on PGlite, a single connection, every other request waits for that transaction.
     * A failure is then an ordinary error answer, never a cut-off download.
     */
    async stream(now: Date = new Date()): Promise<BackupDownload> {
      const fileName = backupFileName(now);
      const dir = await mkdtemp(join(tmpdir(), "igc-backup-"));
      try {
        const path = join(dir, fileName);
        await writeBackup(db, path);
        const file = createReadStream(path);
        await once(file, "open");
        return { fileName, body: Readable.toWeb(file) as ReadableStream<Uint8Array> };
      } finally {
        // An open file outlives its name: the download goes on, and nothing is left behind if the process stops.
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
