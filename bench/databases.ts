import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../src/server/db/client.ts";
import { adminQuery, dropDatabase, withDatabase } from "../src/server/testing/global-setup.ts";

/** A database that exists only for one benchmark run: `dispose` closes it and deletes it. */
export type ScratchDatabase = { database: Database; description: string; dispose: () => Promise<void> };

/** One engine to benchmark: how to create its scratch database, or why it is skipped. */
export type EngineTarget = { name: string; create: () => Promise<ScratchDatabase> } | { name: string; skip: string };

const REACHABILITY_TIMEOUT_MS = 3000;

export function pgliteTarget(): EngineTarget {
  return {
    name: "PGlite",
    create: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "igc-bench-"));
      const database = await openDatabase({ dataDir });
      return {
        database,
        description: `fresh data dir ${dataDir}`,
        dispose: async () => {
          await database.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

export async function postgresTarget(serverUrl: string): Promise<EngineTarget> {
  const name = "PostgreSQL";
  const unreachable = await reachabilityProblem(serverUrl);
  if (unreachable) return { name, skip: `${redactPassword(serverUrl)} is not reachable (${unreachable})` };
  return {
    name,
    create: async () => {
      const databaseName = `igc_bench_${randomBytes(4).toString("hex")}`;
      await adminQuery(serverUrl, `create database ${databaseName}`);
      const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, databaseName) });
      return {
        database,
        description: `fresh database ${databaseName} on ${redactPassword(serverUrl)}`,
        dispose: async () => {
          await database.close();
          await dropDatabase(serverUrl, databaseName);
        },
      };
    },
  };
}

/** Null when the server accepts a connection, else the reason it does not. */
async function reachabilityProblem(serverUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: REACHABILITY_TIMEOUT_MS });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
