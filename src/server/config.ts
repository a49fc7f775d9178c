import { resolve } from "node:path";
import { z } from "zod";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  IGC_DATA_DIR: z.string().min(1).default("./data"),
  IGC_WEB_DIR: z.string().min(1).default("./dist/web"),
  IGC_DEMO: z
    .enum(["auto", "off"], { message: "must be auto (load the demo into an empty database) or off" })
    .default("auto"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, "must be smtp://user:pass@host:587 or smtps://user:pass@host:465")
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default("IGC Desk <no-reply@localhost>"),
  IGC_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be the http(s) address people open, e.g. https://igc.example.org" })
    .optional(),
  IGC_REMINDERS: z
    .enum(["on", "off"], { message: "must be on (plan and e-mail reminders and digests) or off" })
    .default("on"),
  IGC_TRUSTED_PROXIES: z.coerce
    .number({ message: "must be the number of proxies in front of IGC Desk (0, 1, 2 …)" })
    .int("must be a whole number")
    .min(0)
    .max(10)
    .default(0),
});

export type Config = {
  port: number;
  host: string;
  database: { databaseUrl: string } | { dataDir: string };
  webDir: string;
  demo: "auto" | "off";
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** Outgoing e-mail; without an SMTP server messages stay in the in-app inbox. */
  mail: { smtpUrl: string | null; from: string };
  /** Where people open the app: the base of links in e-mails. */
  publicUrl: string;
  reminders: "on" | "off";
  /** How many proxies (load balancers) in front append to X-Forwarded-For: the client is the one before them. */
  trustedProxies: number;
};

export class ConfigError extends Error {}

/** The only reader of process.env: parses it once and fails fast, listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new ConfigError(`The environment is not valid:\n${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : { dataDir: resolve(e.IGC_DATA_DIR) },
    webDir: resolve(e.IGC_WEB_DIR),
    demo: e.IGC_DEMO,
    logLevel: e.LOG_LEVEL,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    publicUrl: e.IGC_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    reminders: e.IGC_REMINDERS,
    trustedProxies: e.IGC_TRUSTED_PROXIES,
  };
}

/** Where the data lives, for messages (never prints a password). */
export function describeDatabase(database: Config["database"]): string {
  if ("dataDir" in database) return `embedded PostgreSQL (PGlite) in ${database.dataDir}`;
  const url = new URL(database.databaseUrl);
  return `PostgreSQL server at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Where e-mail goes, for messages (never prints a password). */
export function describeMail(mail: Config["mail"]): string {
  if (mail.smtpUrl === null) return "no SMTP_URL: messages stay in the in-app inbox";
  const url = new URL(mail.smtpUrl);
  return `SMTP server at ${url.protocol}//${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`;
}
