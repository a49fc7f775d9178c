import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCommission, makeSession } from "../testing/factories.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import type { Database } from "./client.ts";
import { migrate, readMigrations } from "./migrate.ts";

let database: Database & { drop: () => Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

async function tableExists(name: string): Promise<boolean> {
  const result = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(database.db);
  return result.rows[0]?.found != null;
}

describe(`migrations on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("are numbered and already applied to a test database, so a second run does nothing", async () => {
    const versions = readMigrations().map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(await migrate(database.db)).toEqual([]);
    const applied = await database.db.selectFrom("schema_migrations").select("version").execute();
    expect(applied.map((r) => r.version)).toEqual(versions);
  });

  it("apply in one transaction: a failing migration leaves nothing of itself behind", async () => {
    const broken = { version: 9001, name: "broken", sql: "create table half_done (x int); select no_such_function();" };
    await expect(migrate(database.db, [...readMigrations(), broken])).rejects.toThrow(/no_such_function/);
    expect(await tableExists("half_done")).toBe(false);
    const recorded = await database.db
      .selectFrom("schema_migrations")
      .select("version")
      .where("version", "=", 9001)
      .execute();
    expect(recorded).toEqual([]);
  });

  it("keep reference lists in line with the code", async () => {
    const sector = await database.db
      .selectFrom("sectors")
      .selectAll()
      .where("code", "=", "energy")
      .executeTakeFirstOrThrow();
    expect(sector.name).toMatchObject({ ru: "Энергетика", en: "Energy" });
  });

  it("refuse rows that break the model's rules", async () => {
    const commission = await makeCommission(database.db);
    const session = await makeSession(database.db, commission.id);
    const row = {
      commission_id: commission.id,
      session_id: session.id,
      position: 0,
      sector_code: "energy",
      text: JSON.stringify({ en: "x" }),
      deadline: null,
      due_date: null,
    };
    const insert = (extra: Record<string, unknown>) =>
      database.db
        .insertInto("commitments")
        .values({ ...row, ...extra })
        .execute();
    await expect(insert({ progress: 150 })).rejects.toThrow(/check/i);
    await expect(insert({ status: "done", progress: 50 })).rejects.toThrow(/check/i);
    await expect(insert({ status: "dropped" })).rejects.toThrow(/check/i);
    await expect(insert({ sector_code: "mining" })).rejects.toThrow(/foreign key/i);
    await expect(insert({ deadline: "soon", due_date: "2026-01-01" })).rejects.toThrow(/check/i);
    // The host country must be one of the commission's sides.
    await expect(makeSession(database.db, commission.id, { hostCountry: "RU" })).rejects.toThrow(/foreign key/i);
  });
});
