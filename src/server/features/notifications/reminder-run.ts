import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { DB } from "../../db/schema.ts";
import { type DeliveryResult, deliverPending } from "./delivery.ts";
import type { Mailer } from "./mailer.ts";
import { planDigests, planReminders } from "./planner.ts";

export type ReminderDependencies = {
  db: Kysely<DB>;
  /** Null without SMTP_URL: messages are planned for the in-app inbox and nothing is e-mailed. */
  mailer: Mailer | null;
  publicUrl: string;
  logger: Logger;
};

export type ReminderRun = { today: string; digest: boolean; send: boolean };
/** `delivery` is null when nothing was to be e-mailed (no SMTP server, or sending not asked for). */
export type ReminderRunSummary = { reminders: number; digests: number; delivery: DeliveryResult | null };

/** One pass, as the scheduler and `igc remind` make it: plan the day's reminders (and the digest), then deliver. */
export async function runReminders(deps: ReminderDependencies, run: ReminderRun): Promise<ReminderRunSummary> {
  const reminders = await planReminders(deps.db, run.today);
  const digests = run.digest ? await planDigests(deps.db, run.today, deps.publicUrl) : 0;
  if (reminders + digests > 0) deps.logger.info({ today: run.today, reminders, digests }, "Planned notifications");
  const delivery =
    run.send && deps.mailer !== null
      ? await deliverPending(deps.db, deps.mailer, { publicUrl: deps.publicUrl, logger: deps.logger })
      : null;
  return { reminders, digests, delivery };
}
