import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { DB } from "../../db/schema.ts";
import { MailDeliveryError, type Mailer } from "./mailer.ts";
import { emailTextOf } from "./messages.ts";
import { claimDeliverable, type DeliverableRow, markFailed, markSent } from "./notifications.repo.ts";
import { retryDelayMinutes } from "./retry-policy.ts";

export type DeliveryResult = { sent: number; failed: number };

export type DeliveryOptions = {
  publicUrl: string;
  logger: Logger;
  /** Messages claimed and sent per transaction: few, since the claim is held while the server answers. */
  batchSize?: number;
  /** Older unsent messages stay in the inbox only. */
  maxAgeDays?: number;
};

/**
 * E-mails every message due for delivery, batch by batch. Each batch is claimed in a transaction that also
 * records the outcome, so a crash mid-batch sends those messages again rather than losing them, and a second
 * instance delivering at the same time takes other rows.
 */
export async function deliverPending(
  db: Kysely<DB>,
  mailer: Mailer,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? 20;
  const total: DeliveryResult = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const claimed = await claimDeliverable(trx, batchSize, options.maxAgeDays ?? 7);
      const result = { claimed: claimed.length, sent: 0, failed: 0 };
      for (const message of claimed) {
        if (await deliverOne(trx, mailer, message, options)) result.sent += 1;
        else result.failed += 1;
      }
      return result;
    });
    total.sent += batch.sent;
    total.failed += batch.failed;
    // A failed message waits for its next attempt, so every batch leaves fewer messages due and the loop ends.
    if (batch.claimed < batchSize) break;
  }
  if (total.sent + total.failed > 0) options.logger.info(total, "Delivered notifications by e-mail");
  return total;
}

/** Sends one claimed message and records the outcome; true when the server accepted it. */
async function deliverOne(
  trx: Kysely<DB>,
  mailer: Mailer,
  message: DeliverableRow,
  options: DeliveryOptions,
): Promise<boolean> {
  const failure = await send(mailer, message, options.publicUrl);
  if (failure === null) {
    await markSent(trx, message.id);
    return true;
  }
  const retryInMinutes = retryDelayMinutes(message.send_attempts + 1, failure.permanent);
  await markFailed(trx, message.id, failure.message, retryInMinutes);
  options.logger.warn(
    { notificationId: message.id, error: failure.message, retryInMinutes },
    retryInMinutes === null
      ? "E-mail not delivered; given up, the message stays in the in-app inbox"
      : "E-mail not delivered; will try again",
  );
  return false;
}

async function send(mailer: Mailer, message: DeliverableRow, publicUrl: string): Promise<MailDeliveryError | null> {
  try {
    await mailer.send({
      to: { name: message.recipient_name, address: message.recipient_email },
      subject: message.subject,
      text: emailTextOf(message, publicUrl),
      notificationId: message.id,
    });
    return null;
  } catch (error) {
    return error instanceof MailDeliveryError ? error : new MailDeliveryError(String(error), false, { cause: error });
  }
}
