import { serve } from "@hono/node-server";
import { sql } from "kysely";
import { type Config, describeDatabase, describeMail } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { announceDemoAdministrator, createDemoAdministrator, hasAccounts } from "./features/accounts/first-start.ts";
import { SYSTEM_ACTOR } from "./features/audit.ts";
import { azKgCommission } from "./features/demo/az-kg.ts";
import { loadDemoIfEmpty } from "./features/demo/demo.service.ts";
import { mailerFor } from "./features/notifications/mailer.ts";
import { startReminderScheduler } from "./features/notifications/scheduler.ts";
import { createApp } from "./http/app.ts";
import { createLogger } from "./logger.ts";
import { createServices } from "./services.ts";

export type RunningServer = { url: string; database: Database; stop: () => Promise<void> };

/**
 * Limits that keep slow or stalled clients from holding sockets. Node checks them every
 * `connectionsCheckingInterval` (30 s by default, which would let a trickling client stay 40 s).
 */
export const HTTP_TIMEOUTS = {
  /** The whole header block must arrive within 10 s of the request's first byte (slowloris). */
  headersTimeout: 10_000,
  /** The whole request, body included: room for a 51 MB evidence upload at about 2 Mbit/s. */
  requestTimeout: 300_000,
  /** Idle keep-alive sockets outlive a load balancer's usual 60 s, so it never reuses one we have just closed. */
  keepAliveTimeout: 65_000,
  connectionsCheckingInterval: 1_000,
} as const;

/** Composition root: config → database (migrated, demo on first start) → services → app → listen. */
export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  logger.info(`Opening ${describeDatabase(config.database)}`);
  const database = await openDatabase(config.database);
  const applied = await migrate(database.db);
  if (applied.length > 0) logger.info({ applied }, "Applied migrations");
  const mailer = mailerFor(config.mail);
  const services = createServices(database.db, () => new Date(), { mailer, publicUrl: config.publicUrl });
  if (config.demo === "auto" && (await loadDemoIfEmpty(database.db, azKgCommission, SYSTEM_ACTOR))) {
    logger.info("Empty database: loaded the demo commission (Azerbaijan–Kyrgyzstan)");
    if (!(await hasAccounts(database.db))) announceDemoAdministrator(await createDemoAdministrator(services.users));
  } else if (!(await hasAccounts(database.db))) {
    logger.warn(
      "No accounts yet: create the first administrator with `npm run -s igc -- user create --admin --email …`",
    );
  }
  const app = createApp({
    services,
    logger,
    webDir: config.webDir,
    publicUrl: config.publicUrl,
    trustedProxies: config.trustedProxies,
    ping: async () => {
      await sql`select 1`.execute(database.db);
      return { engine: database.engine };
    },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: HTTP_TIMEOUTS }, () =>
      resolve(s),
    );
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  logger.info(`IGC Desk is ready at ${url}`);
  const reminders =
    config.reminders === "on"
      ? startReminderScheduler({ db: database.db, mailer, publicUrl: config.publicUrl, logger })
      : null;
  logger.info(`Reminders and digests ${config.reminders}; e-mail: ${describeMail(config.mail)}`);
  return {
    url,
    database,
    stop: async () => {
      await reminders?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      mailer?.close();
      await database.close();
    },
  };
}
