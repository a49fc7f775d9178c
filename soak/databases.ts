import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { type Database, type DatabaseTarget, openDatabase } from "../src/server/db/client.ts";
import { migrate } from "../src/server/db/migrate.ts";
import type { DB } from "../src/server/db/schema.ts";
import { SYSTEM_ACTOR } from "../src/server/features/audit.ts";
import { azKgCommission } from "../src/server/features/demo/az-kg.ts";
import { loadDemoCommission } from "../src/server/features/demo/demo.service.ts";
import { createServices } from "../src/server/services.ts";
import { adminQuery, dropDatabase, withDatabase } from "../src/server/testing/global-setup.ts";

/** The PostgreSQL server the soak creates its databases on (CI sets IGC_TEST_DATABASE_URL). */
const SERVER_URL = process.env.IGC_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type ServerDatabase = { url: string; drop: () => Promise<void> };

/** A new, empty database on the PostgreSQL server, created from the `postgres` maintenance database. */
export async function createServerDatabase(): Promise<ServerDatabase> {
  const maintenance = withDatabase(SERVER_URL, "postgres");
  const name = `soak_${randomBytes(6).toString("hex")}`;
  await adminQuery(maintenance, `create database ${name}`);
  return { url: withDatabase(SERVER_URL, name), drop: () => dropDatabase(maintenance, name) };
}

/** Migrates the database, loads the demo commission and returns an administrator's API token. */
export async function prepareDatabase(db: Kysely<DB>): Promise<string> {
  await migrate(db);
  await loadDemoCommission(db, azKgCommission, SYSTEM_ACTOR);
  return administratorToken(db);
}

/** A new administrator's API token, sent as `Authorization: Bearer …`. */
export async function administratorToken(db: Kysely<DB>): Promise<string> {
  const services = createServices(db);
  const { user } = await services.users.create(
    { email: "soak@example.org", displayName: "Soak Test", isAdministrator: true },
    SYSTEM_ACTOR,
  );
  return (await services.apiTokens.create(user.id, { name: "soak", access: "write" }, SYSTEM_ACTOR)).secret;
}

/** Opens, uses and closes: a PGlite data folder can be open in one process only, so not while a server runs. */
export async function withOpenDatabase<T>(target: DatabaseTarget, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
