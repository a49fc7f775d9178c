import { sql } from "kysely";
import pino from "pino";
import type { Database } from "../db/client.ts";
import { createApp } from "../http/app.ts";
import { createServices } from "../services.ts";

/** The real Hono app over a test database, called in-process with `app.request(...)`. */
export function createTestApp(database: Database, now: () => Date = () => new Date("2026-07-01T10:00:00Z")) {
  return createApp({
    services: createServices(database.db, now),
    logger: pino({ level: "silent" }),
    webDir: null,
    ping: async () => {
      await sql`select 1`.execute(database.db);
      return { engine: database.engine };
    },
  });
}

export function jsonRequest(method: string, body: unknown): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
