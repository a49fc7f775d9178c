import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Database } from "../src/server/db/client.ts";
import { createTestApp } from "../src/server/testing/test-app.ts";

export type RunningApp = { baseUrl: string; stop: () => Promise<void> };

/** The real app (silent logger, fixed clock) listening on a free port of 127.0.0.1. */
export async function startApp(database: Database, today: Date): Promise<RunningApp> {
  const app = createTestApp(database, () => today);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
