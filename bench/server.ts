import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Database } from "../src/server/db/client.ts";
import { createServices } from "../src/server/services.ts";
import { createTestAccount, createTestApp } from "../src/server/testing/test-app.ts";

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };
/** The real app, with the API token of an administrator to send as `Authorization: Bearer …`. */
export type RunningApp = RunningServer & { token: string };

/**
 * The real app (silent logger, fixed clock) listening on a free port of 127.0.0.1. Every /api request needs an
 * account, so an administrator with an API token is created first: real callers authenticate, and the figures
 * include what that costs.
 */
export async function startApp(database: Database, today: Date): Promise<RunningApp> {
  const { token } = await createTestAccount(
    createServices(database.db, () => today),
    { name: "Benchmark administrator", isAdministrator: true },
  );
  const server = await listen(createTestApp(database, () => today).fetch);
  return { ...server, token };
}

/** A bare Hono app with one route answering "ok": what one Node process can serve at most on this machine. */
export function startEmptyApp(): Promise<RunningServer> {
  const app = new Hono();
  app.get("/", (c) => c.text("ok"));
  return listen(app.fetch);
}

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<RunningServer> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
