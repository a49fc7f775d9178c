import { type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { DB, StatusUpdatesTable } from "../../db/schema.ts";
import type { StoredFile } from "../documents/document-file.ts";

export type StatusUpdateRow = Selectable<StatusUpdatesTable>;
export type EvidenceFileRow = {
  id: string;
  status_update_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
};
type StatusAndProgress = Pick<StatusUpdateRow, "status" | "progress">;

export async function findSideReport(
  trx: Kysely<DB>,
  commitmentId: string,
  side: string,
): Promise<StatusAndProgress | undefined> {
  return trx
    .selectFrom("commitment_side_reports")
    .select(["status", "progress"])
    .where("commitment_id", "=", commitmentId)
    .where("side", "=", side)
    .executeTakeFirst();
}

export async function saveSideReport(
  trx: Kysely<DB>,
  commitment: { id: string; commission_id: string },
  side: string,
  report: StatusAndProgress,
): Promise<void> {
  await trx
    .insertInto("commitment_side_reports")
    .values({ commitment_id: commitment.id, commission_id: commitment.commission_id, side, ...report })
    .onConflict((oc) =>
      oc.columns(["commitment_id", "side"]).doUpdateSet({ ...report, updated_at: sql<string>`now()` }),
    )
    .execute();
}

export async function insertStatusUpdate(
  trx: Kysely<DB>,
  values: Insertable<StatusUpdatesTable>,
): Promise<StatusUpdateRow> {
  return trx.insertInto("status_updates").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertEvidenceFiles(
  trx: Kysely<DB>,
  statusUpdateId: string,
  files: readonly StoredFile[],
): Promise<void> {
  if (files.length === 0) return;
  await trx
    .insertInto("status_update_files")
    .values(
      files.map((f) => ({
        status_update_id: statusUpdateId,
        file_name: f.facts.name,
        media_type: f.facts.mediaType,
        size_bytes: f.facts.sizeBytes,
        sha256: f.facts.sha256,
        content: f.content,
      })),
    )
    .execute();
}

export async function listStatusUpdates(db: Kysely<DB>, commitmentId: string): Promise<StatusUpdateRow[]> {
  return db
    .selectFrom("status_updates")
    .selectAll()
    .where("commitment_id", "=", commitmentId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

export async function listEvidenceFiles(db: Kysely<DB>, statusUpdateIds: string[]): Promise<EvidenceFileRow[]> {
  if (statusUpdateIds.length === 0) return [];
  return db
    .selectFrom("status_update_files")
    .select(["id", "status_update_id", "file_name", "media_type", "size_bytes"])
    .where("status_update_id", "in", statusUpdateIds)
    .orderBy("file_name")
    .orderBy("id")
    .execute();
}

export async function findEvidenceFile(db: Kysely<DB>, id: string) {
  return db
    .selectFrom("status_update_files")
    .select(["file_name", "media_type", "content"])
    .where("id", "=", id)
    .executeTakeFirst();
}
