import type { Logger } from "pino";
import { todayIso } from "../../../shared/deadline.ts";
import { isMonday } from "./iso-days.ts";
import { type ReminderDependencies, runReminders } from "./reminder-run.ts";

export type Scheduler = { stop: () => Promise<void> };
export type Timing = { periodMs: number; firstRunDelayMs: number };

const REMINDER_TIMING: Timing = { periodMs: 15 * 60_000, firstRunDelayMs: 10_000 };

/**
 * Every 15 minutes, and once shortly after start: plans today's reminders, the weekly digest on Mondays, and
 * delivers. Several app instances may each run it: planning is idempotent and delivery claims rows.
 */
export function startReminderScheduler(
  deps: ReminderDependencies,
  clock: () => Date = () => new Date(),
  timing: Timing = REMINDER_TIMING,
): Scheduler {
  return runPeriodically(
    async () => {
      const today = todayIso(clock());
      await runReminders(deps, { today, digest: isMonday(today), send: true });
    },
    timing,
    deps.logger,
  );
}

/**
 * Runs `task` on a timer that never keeps the process alive. A tick that comes while the previous run is still
 * going is skipped rather than queued; `stop` cancels the timers and waits for a run in progress to finish, so
 * the database can be closed after it.
 */
export function runPeriodically(task: () => Promise<void>, timing: Timing, logger: Logger): Scheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running !== null) return;
    running = task()
      .catch((err: unknown) => logger.error({ err }, "Scheduled reminders and delivery failed; will try again"))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, timing.firstRunDelayMs).unref();
  const every = setInterval(tick, timing.periodMs).unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
