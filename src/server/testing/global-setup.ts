import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout } from "node:timers/promises";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a migrated data folder each test file copies. Postgres: a migrated database used as TEMPLATE. */
    igcTemplate: string;
  }
}

/**
 * Migrates one template per test run so that test files never pay for a fresh start (≈3 s on PGlite):
 * each file clones the template (a folder copy, or CREATE DATABASE … TEMPLATE on the server).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The project's `env` reaches its test workers, not this hook: read it from the project's config.
  const env = project.config.env ?? {};
  if (env.IGC_TEST_ENGINE === "postgres") {
    const serverUrl = requiredServerUrl(env.IGC_TEST_DATABASE_URL);
    const name = `igc_template_${randomBytes(4).toString("hex")}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    await migrate(database.db);
    await database.close();
    project.provide("igcTemplate", name);
    return async () => {
      await dropDatabase(serverUrl, name);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "igc-template-"));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database.db);
  await database.close();
  project.provide("igcTemplate", dir);
  return async () => rmSync(dir, { recursive: true, force: true });
}

export function requiredServerUrl(url: string | undefined = process.env.IGC_TEST_DATABASE_URL): string {
  if (!url) throw new Error("IGC_TEST_DATABASE_URL must be set for the postgres test project.");
  return url;
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement outside any transaction (CREATE/DROP DATABASE cannot run inside one). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const OBJECT_IN_USE = "55006";
const DROP_ATTEMPTS = 50;
const DROP_RETRY_MS = 100;

/**
 * Drops the database once its last connection has gone. The pool's clients say goodbye asynchronously after
 * `close`; `drop … with (force)` would kill them mid-goodbye, which `pg` raises as an unhandled error.
 */
export async function dropDatabase(serverUrl: string, databaseName: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverUrl, `drop database if exists ${databaseName}`);
      return;
    } catch (error) {
      const stillInUse = error instanceof pg.DatabaseError && error.code === OBJECT_IN_USE;
      if (!stillInUse || attempt === DROP_ATTEMPTS) throw error;
      await setTimeout(DROP_RETRY_MS);
    }
  }
}
