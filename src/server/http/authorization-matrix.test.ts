// The authorisation matrix: every endpoint of the OpenAPI document × every role × a record of the caller's own
// commission and of another, called over HTTP with real accounts. The expected answer comes from the table below,
// written out by hand from the rules of issue 7, not from the code that decides; an endpoint whose rule is missing or
// unknown fails the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrantInput } from "../../shared/api/accounts.ts";
import type { Database } from "../db/client.ts";
import { createServices } from "../services.ts";
import { type CommissionWorld, makeCommissionWorld } from "../testing/commission-world.ts";
import { createTestAccount, createTestApp } from "../testing/test-app.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import type { Access } from "./access.ts";

type Caller = "public" | "observer" | "focal_point" | "co_chair_office" | "secretariat" | "administrator";
type Where = "own" | "other";
const CALLERS: Caller[] = ["public", "observer", "focal_point", "co_chair_office", "secretariat", "administrator"];

/** Rule name → for each caller, allowed on a record of their own commission / of another. */
const EXPECTED: Record<string, Record<Caller, [own: boolean, other: boolean]>> = {
  "public/none": all([true, true]),
  "account/none": { ...all([true, true]), public: [false, false] },
  "observer/directory": { ...all([true, true]), public: [false, false] },
  "secretariat/directory": { ...all([false, false]), secretariat: [true, true], administrator: [true, true] },
  "observer/commission": {
    public: [false, false],
    observer: [true, false],
    focal_point: [true, false],
    co_chair_office: [true, false],
    secretariat: [true, false],
    administrator: [true, true],
  },
  "co_chair_office/commission": {
    ...all([false, false]),
    co_chair_office: [true, false],
    secretariat: [true, false],
    administrator: [true, true],
  },
  "secretariat/commission": { ...all([false, false]), secretariat: [true, false], administrator: [true, true] },
  "focal_point/organization": {
    ...all([false, false]),
    focal_point: [true, false],
    secretariat: [true, false],
    administrator: [true, true],
  },
  "administrator/none": { ...all([false, false]), administrator: [true, true] },
};

function all(value: [boolean, boolean]): Record<Caller, [boolean, boolean]> {
  return Object.fromEntries(CALLERS.map((c) => [c, value])) as Record<Caller, [boolean, boolean]>;
}

type Operation = { method: string; path: string; access: Access | undefined };

let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let operations: Operation[];
const worlds = {} as Record<Where, CommissionWorld>;
const tokens = {} as Record<Exclude<Caller, "public">, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database, () => new Date("2026-07-01T10:00:00Z"), { as: "nobody" });
  worlds.own = await makeCommissionWorld(database.db);
  worlds.other = await makeCommissionWorld(database.db);
  const services = createServices(database.db);
  const own = worlds.own.commissionId;
  const roles: Record<Exclude<Caller, "public" | "administrator">, GrantInput> = {
    observer: { role: "observer", commissionId: own },
    focal_point: { role: "focal_point", commissionId: own, organizationId: worlds.own.organizationId },
    co_chair_office: { role: "co_chair_office", commissionId: own, side: "AZ" },
    secretariat: { role: "secretariat", commissionId: own, side: "AZ" },
  };
  for (const [caller, grant] of Object.entries(roles)) {
    tokens[caller as keyof typeof roles] = (await createTestAccount(services, { name: caller, grants: [grant] })).token;
  }
  tokens.administrator = (await createTestAccount(services, { name: "admin", isAdministrator: true })).token;
  const doc = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, { "x-igc-access"?: Access }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, access: op["x-igc-access"] })),
  );
});
afterAll(async () => database.drop());

const RANDOM_ID = "00000000-0000-4000-8000-000000000000";

/** The request for one endpoint on one world: path ids, and the commission named in the query or body. */
function requestFor(op: Operation, where: Where): { url: string; init: RequestInit } {
  const world = worlds[where];
  const kind = op.path.split("/")[1] ?? "";
  const url = op.path
    .replace("{id}", world.ids[kind] ?? RANDOM_ID)
    .replace(/\{(eventId|memberId)\}/, RANDOM_ID)
    .replace("{file}", "unknown.ics");
  const named = { commissionId: world.commissionId, sessionId: world.sessionId };
  if (op.method === "GET") return { url: `/api${url}?${new URLSearchParams(named)}`, init: {} };
  return {
    url: `/api${url}`,
    init: { method: op.method, headers: { "content-type": "application/json" }, body: JSON.stringify(named) },
  };
}

async function allowed(op: Operation, caller: Caller, where: Where): Promise<boolean> {
  const { url, init } = requestFor(op, where);
  const headers = new Headers(init.headers);
  if (caller !== "public") headers.set("authorization", `Bearer ${tokens[caller]}`);
  const res = await app.request(url, { ...init, headers });
  if (res.status === 500) throw new Error(`${op.method} ${url} as ${caller}: 500 ${await res.text()}`);
  return res.status !== 401 && res.status !== 403;
}

describe("the authorisation matrix", () => {
  it("has a known rule for every endpoint", () => {
    expect(operations.length).toBeGreaterThan(90);
    const unknown = operations
      .filter((op) => !op.access || !EXPECTED[`${op.access.role}/${op.access.scope}`])
      .map((op) => `${op.method} ${op.path}: ${JSON.stringify(op.access)}`);
    expect(unknown).toEqual([]);
  });

  it("allows and denies each role on its own commission's records and on another's, endpoint by endpoint", async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const expected = EXPECTED[`${op.access?.role}/${op.access?.scope}`];
      if (!expected) continue;
      for (const caller of CALLERS) {
        for (const [i, where] of (["own", "other"] as const).entries()) {
          const actual = await allowed(op, caller, where);
          if (actual !== expected[caller][i]) {
            wrong.push(`${op.method} ${op.path} as ${caller} on ${where}: ${actual ? "allowed" : "denied"}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});

describe("an upload names its commission in its metadata", () => {
  it("lets a secretariat file a document in its own commission and not in another", async () => {
    const upload = (where: Where) => {
      const form = new FormData();
      form.set(
        "metadata",
        JSON.stringify({
          commissionId: worlds[where].commissionId,
          kind: "other",
          title: { en: "Note" },
          languages: ["en"],
        }),
      );
      return app.request("/api/documents", {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${tokens.secretariat}` },
      });
    };
    const own = await upload("own");
    expect(own.status, await own.clone().text()).toBe(201);
    expect((await upload("other")).status).toBe(403);
  });
});
