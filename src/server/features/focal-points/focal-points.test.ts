import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FocalPoint } from "../../../shared/api/focal-points.ts";
import type { Database } from "../../db/client.ts";
import { makeOrganization, makePerson } from "../../testing/factories.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server: the same file, both engines.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let socar: string;
let azpromo: string;

type ErrorJson = { error: { code: string; message: string } };

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  socar = (await makeOrganization(database.db, { country: "AZ", name: { en: "SOCAR" } })).id;
  azpromo = (await makeOrganization(database.db, { country: "AZ", name: { en: "AZPROMO" } })).id;
});
afterAll(() => database.drop());

async function body<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

async function expectError(res: Response, status: number, code: string, mentions: string[] = []) {
  const error = await body<ErrorJson>(res, status);
  expect(error.error.code).toBe(code);
  for (const word of mentions) expect(error.error.message).toContain(word);
}

const create = (organizationId: string, input: unknown) =>
  app.request(`/api/organizations/${organizationId}/focal-points`, jsonRequest("POST", input));

describe(`focal points on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("adds focal points to an organisation, audited, and lists them by name", async () => {
    const person = (await makePerson(database.db)).id;
    const rashad = await body<FocalPoint>(
      await create(socar, { name: "Rashad Mammadov", email: " Rashad.M@socar.az ", personId: person }),
      201,
    );
    expect(rashad).toMatchObject({
      organizationId: socar,
      organizationName: { en: "SOCAR" },
      personId: person,
      name: "Rashad Mammadov",
      email: "rashad.m@socar.az",
      active: true,
    });
    await body(await create(socar, { name: "Aysel Huseynova", email: "aysel@socar.az" }), 201);
    const list = await body<{ items: FocalPoint[] }>(
      await app.request(`/api/organizations/${socar}/focal-points`),
      200,
    );
    expect(list.items.map((f) => f.name)).toEqual(["Aysel Huseynova", "Rashad Mammadov"]);
    const audit = await database.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", rashad.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["focal_point.create"]);
  });

  it("keeps one focal point per address in an organisation, whatever the case", async () => {
    await body(await create(azpromo, { name: "Nigar", email: "nigar@azpromo.az" }), 201);
    await expectError(await create(azpromo, { name: "Nigar A.", email: "NIGAR@azpromo.az" }), 409, "conflict", [
      "email",
    ]);
    // The same person may be the focal point of two organisations.
    await body(await create(socar, { name: "Nigar", email: "nigar@azpromo.az" }), 201);
  });

  it("refuses an unknown organisation, an unknown person and a malformed address", async () => {
    await expectError(await create(crypto.randomUUID(), { name: "X", email: "x@y.az" }), 404, "not_found");
    await expectError(
      await create(socar, { name: "X", email: "x@y.az", personId: crypto.randomUUID() }),
      400,
      "validation_failed",
      ["personId"],
    );
    await expectError(await create(socar, { name: "X", email: "x at y" }), 400, "validation_failed", ["email"]);
    await expectError(await create(socar, { email: "x@y.az" }), 400, "validation_failed", ["name"]);
  });

  it("changes a focal point's name, address and activity", async () => {
    const fp = await body<FocalPoint>(await create(azpromo, { name: "Elvin", email: "elvin@azpromo.az" }), 201);
    const changed = await body<FocalPoint>(
      await app.request(
        `/api/focal-points/${fp.id}`,
        jsonRequest("PATCH", { name: "Elvin Guliyev", email: "e.guliyev@azpromo.az", active: false }),
      ),
      200,
    );
    expect(changed).toMatchObject({ name: "Elvin Guliyev", email: "e.guliyev@azpromo.az", active: false });
    await expectError(
      await app.request(`/api/focal-points/${fp.id}`, jsonRequest("PATCH", { email: "nigar@azpromo.az" })),
      409,
      "conflict",
    );
    await expectError(
      await app.request(`/api/focal-points/${crypto.randomUUID()}`, jsonRequest("PATCH", { active: true })),
      404,
      "not_found",
    );
  });

  it("finds a person's own focal-point records by address across organisations", async () => {
    const mine = await body<{ items: FocalPoint[] }>(
      await app.request("/api/focal-points?email=NIGAR@azpromo.az"),
      200,
    );
    expect(mine.items.map((f) => f.organizationName.en).sort()).toEqual(["AZPROMO", "SOCAR"]);
    await expectError(await app.request("/api/focal-points"), 400, "validation_failed", ["email"]);
  });
});
