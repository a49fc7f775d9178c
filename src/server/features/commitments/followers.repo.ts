import type { Kysely, Selectable } from "kysely";
import type { CommitmentCommentsTable, CommitmentWatchersTable, DB } from "../../db/schema.ts";

export type CommentRow = Selectable<CommitmentCommentsTable>;
export type WatcherRow = Selectable<CommitmentWatchersTable>;

export async function listComments(db: Kysely<DB>, commitmentId: string): Promise<CommentRow[]> {
  return db
    .selectFrom("commitment_comments")
    .selectAll()
    .where("commitment_id", "=", commitmentId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function insertComment(
  trx: Kysely<DB>,
  comment: { commitment_id: string; author_name: string; text: string },
): Promise<CommentRow> {
  return trx.insertInto("commitment_comments").values(comment).returningAll().executeTakeFirstOrThrow();
}

export async function listWatchers(db: Kysely<DB>, commitmentId: string): Promise<WatcherRow[]> {
  return db
    .selectFrom("commitment_watchers")
    .selectAll()
    .where("commitment_id", "=", commitmentId)
    .orderBy("email")
    .execute();
}

/** Watching twice is watching once; a name given again replaces the one kept. */
export async function saveWatcher(trx: Kysely<DB>, watcher: WatcherRow): Promise<void> {
  await trx
    .insertInto("commitment_watchers")
    .values(watcher)
    .onConflict((oc) =>
      oc.columns(["commitment_id", "email"]).doUpdateSet((eb) => ({
        name: eb.fn.coalesce(eb.ref("excluded.name"), eb.ref("commitment_watchers.name")),
      })),
    )
    .execute();
}

export async function deleteWatcher(trx: Kysely<DB>, commitmentId: string, email: string): Promise<boolean> {
  const result = await trx
    .deleteFrom("commitment_watchers")
    .where("commitment_id", "=", commitmentId)
    .where("email", "=", email)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
