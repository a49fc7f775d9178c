import type { Kysely } from "kysely";
import type { AddWatcherInput, Comment, CreateCommentInput, WatcherList } from "../../../shared/api/commitments.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { findCommitment } from "./commitments.repo.ts";
import * as followers from "./followers.repo.ts";

function presentComment(row: followers.CommentRow): Comment {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    authorName: row.author_name,
    text: row.text,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function checkCommitmentExists(db: Kysely<DB>, id: string): Promise<void> {
  if (!(await findCommitment(db, id))) throw notFound("commitment", id);
}

/** The people around a commitment: the discussion under it and who is told when its status changes. */
export function createFollowersService(db: Kysely<DB>) {
  async function watchersOf(commitmentId: string): Promise<WatcherList> {
    return { items: (await followers.listWatchers(db, commitmentId)).map((w) => ({ email: w.email, name: w.name })) };
  }

  return {
    async listComments(commitmentId: string): Promise<Comment[]> {
      await checkCommitmentExists(db, commitmentId);
      return (await followers.listComments(db, commitmentId)).map(presentComment);
    },

    async addComment(commitmentId: string, input: CreateCommentInput, actor: Actor): Promise<Comment> {
      const row = await db.transaction().execute(async (trx) => {
        await checkCommitmentExists(trx, commitmentId);
        const comment = await followers.insertComment(trx, {
          commitment_id: commitmentId,
          author_name: input.authorName ?? actor.name,
          text: input.text,
        });
        await recordAudit(trx, actor, {
          action: "commitment.comment",
          entityType: "commitment",
          entityId: commitmentId,
          before: null,
          after: { commentId: comment.id, authorName: comment.author_name, text: comment.text },
        });
        return comment;
      });
      return presentComment(row);
    },

    async listWatchers(commitmentId: string): Promise<WatcherList> {
      await checkCommitmentExists(db, commitmentId);
      return watchersOf(commitmentId);
    },

    async addWatcher(commitmentId: string, input: AddWatcherInput, actor: Actor): Promise<WatcherList> {
      await db.transaction().execute(async (trx) => {
        await checkCommitmentExists(trx, commitmentId);
        await followers.saveWatcher(trx, { commitment_id: commitmentId, email: input.email, name: input.name ?? null });
        await recordAudit(trx, actor, {
          action: "commitment.watch",
          entityType: "commitment",
          entityId: commitmentId,
          before: null,
          after: input,
        });
      });
      return watchersOf(commitmentId);
    },

    async removeWatcher(commitmentId: string, email: string, actor: Actor): Promise<WatcherList> {
      await db.transaction().execute(async (trx) => {
        await checkCommitmentExists(trx, commitmentId);
        if (!(await followers.deleteWatcher(trx, commitmentId, email))) {
          throw new AppError("not_found", `${email} does not watch commitment ${commitmentId}.`, {
            entity: "watcher",
            email,
          });
        }
        await recordAudit(trx, actor, {
          action: "commitment.unwatch",
          entityType: "commitment",
          entityId: commitmentId,
          before: { email },
          after: null,
        });
      });
      return watchersOf(commitmentId);
    },
  };
}
