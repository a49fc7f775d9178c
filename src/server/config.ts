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
});

export type Config = {
  port: number;
  host: string;
  database: { databaseUrl: string } | { dataDir: string };
  webDir: string;
  demo: "auto" | "off";
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
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
  };
}

/** Where the data lives, for messages (never prints a password). */
export function describeDatabase(database: Config["database"]): string {
  if ("dataDir" in database) return `embedded PostgreSQL (PGlite) in ${database.dataDir}`;
  const url = new URL(database.databaseUrl);
  return `PostgreSQL server at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
