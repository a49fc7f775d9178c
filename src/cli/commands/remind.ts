import { type Command, InvalidArgumentError } from "commander";
import { describeMail, loadConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/client.ts";
import { migrate } from "../../server/db/migrate.ts";
import { isMonday } from "../../server/features/notifications/iso-days.ts";
import { mailerFor } from "../../server/features/notifications/mailer.ts";
import { type ReminderRunSummary, runReminders } from "../../server/features/notifications/reminder-run.ts";
import { createLogger } from "../../server/logger.ts";
import { isoDaySchema } from "../../shared/api/common.ts";
import { todayIso } from "../../shared/deadline.ts";

type RemindOptions = { today?: string; digest?: boolean; send: boolean };

function isoDay(value: string): string {
  if (!isoDaySchema.safeParse(value).success) throw new InvalidArgumentError("must be a date as YYYY-MM-DD.");
  return value;
}

export function registerRemind(program: Command): void {
  program
    .command("remind")
    .description(
      "plan the day's reminders to focal points (and the weekly digest on Mondays), then e-mail them over SMTP_URL",
    )
    .option("--today <YYYY-MM-DD>", "plan as if today were this day (default: today, UTC)", isoDay)
    .option("--digest", "plan this week's digest whatever the day")
    .option("--no-send", "plan only; leave the messages unsent (they show in the in-app inbox)")
    .action(async (options: RemindOptions) => {
      const config = loadConfig();
      const today = options.today ?? todayIso();
      const database = await openDatabase(config.database);
      // Sending failures are logged as warnings; the counts are in the summary printed below.
      const logger = createLogger("warn");
      const mailer = options.send ? mailerFor(config.mail) : null;
      try {
        await migrate(database.db);
        const summary = await runReminders(
          { db: database.db, mailer, publicUrl: config.publicUrl, logger },
          { today, digest: options.digest === true || isMonday(today), send: options.send },
        );
        console.log(describeRun(today, summary, options.send ? describeMail(config.mail) : "--no-send"));
        if ((summary.delivery?.failed ?? 0) > 0) process.exitCode = 1;
      } finally {
        mailer?.close();
        await database.close();
      }
    });
}

function describeRun(today: string, summary: ReminderRunSummary, whyNotSent: string): string {
  const planned = `${today}: planned ${summary.reminders} new reminder(s) and ${summary.digests} new digest(s).`;
  const delivery = summary.delivery
    ? `E-mailed ${summary.delivery.sent}, failed ${summary.delivery.failed} (failed ones are tried again later).`
    : `Nothing e-mailed (${whyNotSent}).`;
  return `${planned}\n${delivery}`;
}
