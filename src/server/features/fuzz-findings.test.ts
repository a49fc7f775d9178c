// Inputs the API fuzzer (src/server/http/fuzz.test.ts) found answered with a 500: each is now a 400 that names the
// field, and writes nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { type CommissionWorld, makeCommissionWorld } from "../testing/commission-world.ts";
import { createTestApp, jsonRequest } from "../testing/test-app.ts";
import { openTestDatabase } from "../testing/test-database.ts";

let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let world: CommissionWorld;
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  world = await makeCommissionWorld(database.db);
  await app.request("/api/auth/me"); // creates the test administrator before anything is counted
});
afterAll(() => database.drop());

const auditCount = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(database.db)).rows[0]?.n;

/** The request is refused as invalid at `field`, and leaves no audit event (every write leaves one). */
async function expectRefusedAt(field: string, method: string, path: string, body?: unknown) {
  const before = await auditCount();
  const res = await app.request(path, body === undefined ? { method } : jsonRequest(method, body));
  const json = (await res.json()) as { error: { code: string; message: string } };
  expect(res.status, JSON.stringify(json)).toBe(400);
  expect(json.error.code).toBe("validation_failed");
  expect(json.error.message).toContain(field);
  expect(await auditCount()).toBe(before);
}

describe("inputs that used to fail on a database constraint", () => {
  it("refuses a session's end date without its start date", async () => {
    await expectRefusedAt("startsOn", "POST", `/api/commissions/${world.commissionId}/sessions`, {
      number: 7,
      hostCountry: "AZ",
      endsOn: "2026-11-21",
    });
  });

  it("refuses a proposed end date without a proposed start", async () => {
    await expectRefusedAt("proposedStartsOn", "POST", `/api/sessions/${world.sessionId}/schedule-steps`, {
      kind: "proposal",
      proposedEndsOn: "2026-10-02",
      occurredOn: "2026-06-01",
    });
  });

  it("refuses a delegation member who is no person or organisation on record", async () => {
    const delegation = `/api/sessions/${world.sessionId}/delegation`;
    await expectRefusedAt("personId", "POST", delegation, { side: "AZ", personId: UNKNOWN_ID });
    await expectRefusedAt("organizationId", "POST", delegation, { side: "AZ", organizationId: UNKNOWN_ID });
  });

  it("refuses an organisation of an unknown country", async () => {
    await expectRefusedAt("country", "POST", "/api/organizations", {
      country: "AA",
      kind: "government",
      name: { en: "Nowhere" },
    });
  });

  it("refuses a participant of a project or joint body that is no organisation on record", async () => {
    const participants = [{ organizationId: world.organizationId }, { organizationId: UNKNOWN_ID }];
    const field = "participants.1.organizationId";
    await expectRefusedAt(field, "POST", `/api/commissions/${world.commissionId}/projects`, {
      name: { en: "Hotel" },
      participants,
    });
    await expectRefusedAt(field, "PATCH", `/api/joint-bodies/${world.ids["joint-bodies"]}`, {
      version: 1,
      participants,
    });
  });
});

describe("text with the NUL character, which PostgreSQL refuses in text and JSON", () => {
  it("is refused at the field, in bodies and in search queries", async () => {
    await expectRefusedAt("name.en", "POST", "/api/commissions", { countries: ["AZ", "KG"], name: { en: "a\u0000" } });
    await expectRefusedAt("name", "POST", "/api/auth/tokens", { name: "\u0000" });
    await expectRefusedAt("authorName", "POST", `/api/commitments/${world.ids.commitments}/comments`, {
      text: "Seen",
      authorName: "Focal\u0000point",
    });
    await expectRefusedAt("q", "GET", "/api/commitments?q=a%00b");
    await expectRefusedAt("q", "GET", "/api/organizations?q=a%00b");
  });
});
