import type { Kysely } from "kysely";
import type { CommitmentStatus } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import { commitmentPath, statusChangeMessage } from "./messages.ts";
import { findCommitmentSummary, insertNewNotifications, listFollowers } from "./notifications.repo.ts";

/** A change of a commitment's status or progress, as the watchers are told of it. */
export type StatusChangeEvent = {
  commitmentId: string;
  statusUpdateId: string;
  kind: "update" | "side_report" | "confirmation";
  side: string | null;
  actorName: string;
  previous: { status: CommitmentStatus; progress: number };
  next: { status: CommitmentStatus; progress: number };
  text: string;
};

/**
 * Queues a message to everyone who follows the commitment (its watchers and its focal points), in the same
 * transaction as the change, so a change is never told without having happened, nor happens untold. Delivery
 * (SMTP) and the in-app inbox read the same rows later.
 */
export async function enqueueStatusChange(trx: Kysely<DB>, event: StatusChangeEvent): Promise<void> {
  if (event.previous.status === event.next.status && event.previous.progress === event.next.progress) return;
  const { watchers, focalPoints } = await listFollowers(trx, event.commitmentId);
  const recipients = new Map<string, { name: string | null; focalPointId: string | null }>();
  for (const w of watchers) recipients.set(w.email.toLowerCase(), { name: w.name, focalPointId: null });
  for (const f of focalPoints) recipients.set(f.email.toLowerCase(), { name: f.name, focalPointId: f.id });
  if (recipients.size === 0) return;
  const commitment = await findCommitmentSummary(trx, event.commitmentId);
  if (commitment === undefined) return;
  const { subject, body } = statusChangeMessage(commitment, event);
  await insertNewNotifications(
    trx,
    [...recipients].map(([email, r]) => ({
      kind: "status_change" as const,
      recipient_email: email,
      recipient_name: r.name,
      focal_point_id: r.focalPointId,
      commitment_id: event.commitmentId,
      subject,
      body,
      link: commitmentPath(event.commitmentId),
      dedupe_key: `status_change:${event.statusUpdateId}:${email}`,
    })),
  );
}
