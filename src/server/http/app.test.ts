import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { SYSTEM_ACTOR } from "../features/audit.ts";
import { azKgCommission } from "../features/demo/az-kg.ts";
import { loadDemoCommission } from "../features/demo/demo.service.ts";
import { actingAs, createTestApp, jsonRequest } from "../testing/test-app.ts";
import { openTestDatabase } from "../testing/test-database.ts";
import { MAX_BODY_BYTES } from "./app.ts";

let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let commissionId: string;
let session6: string;
let commitment: { id: string; version: number };

type ErrorJson = { error: { code: string; message: string; details?: unknown } };

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  commissionId = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
  const sessions = (await (await app.request(`/api/commissions/${commissionId}/sessions`)).json()) as {
    items: { id: string; number: number }[];
  };
  session6 = sessions.items.find((s) => s.number === 6)?.id ?? "";
  const list = (await (await app.request(`/api/commitments?sessionId=${session6}&limit=1`)).json()) as {
    items: { id: string; version: number }[];
  };
  commitment = list.items[0] ?? { id: "", version: 0 };
});
afterAll(() => database.drop());

async function counts() {
  const [c, u, a] = await Promise.all(
    (["commitments", "status_updates", "audit_events"] as const).map((t) =>
      database.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ),
  );
  return { commitments: c?.n, updates: u?.n, audit: a?.n };
}

async function expectError(res: Response, status: number, code: string, mentions: string[] = []) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorJson;
  expect(body.error.code).toBe(code);
  for (const word of mentions) expect(body.error.message).toContain(word);
  return body;
}

describe("reading", () => {
  it("reports health", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("lists the commission with its two countries", async () => {
    const body = (await (await app.request("/api/commissions")).json()) as { items: unknown[]; nextCursor: null };
    expect(body).toMatchObject({ items: [{ id: commissionId, countries: ["AZ", "KG"] }], nextCursor: null });
  });

  it("shows the commission with its co-chairs, programmes and the +94% trade figure", async () => {
    const body = (await (await app.request(`/api/commissions/${commissionId}`)).json()) as {
      coChairs: { side: string; name: { ru: string } }[];
      programmes: { startYear: number; endYear: number }[];
      figures: { value: number; unit: string; periodStart: string; periodEnd: string }[];
      sessions: { number: number; status: string; datesViaDiplomaticChannels: boolean; hostCountry: string }[];
    };
    expect(body.coChairs.map((c) => [c.side, c.name.ru])).toEqual([
      ["AZ", "Самир Шарифов"],
      ["KG", "Бакыт Торобаев"],
    ]);
    expect(body.programmes.map((p) => `${p.startYear}-${p.endYear}`)).toEqual(
      expect.arrayContaining(["2024-2029", "2024-2025"]),
    );
    expect(body.figures[0]).toMatchObject({ value: 94, unit: "%", periodStart: "2025-01", periodEnd: "2025-10" });
    expect(body.sessions.find((s) => s.number === 7)).toMatchObject({
      status: "planned",
      hostCountry: "KG",
      datesViaDiplomaticChannels: true,
    });
  });

  it("shows session 6 with its format, site visits and signed protocol, and all 33 agreements", async () => {
    const body = (await (await app.request(`/api/sessions/${session6}`)).json()) as {
      startsOn: string;
      city: { ru: string };
      events: { kind: string; startsOn: string | null }[];
      documents: { kind: string; signatories: unknown[] }[];
      commitmentCount: number;
    };
    expect(body).toMatchObject({ startsOn: "2025-12-08", city: { ru: "Баку" }, commitmentCount: 33 });
    expect(body.events.slice(0, 2).map((e) => e.kind)).toEqual(["co_chairs_meeting", "extended_session"]);
    expect(body.events.filter((e) => e.kind === "site_visit").map((e) => e.startsOn)).toHaveLength(4);
    expect(body.documents[0]).toMatchObject({ kind: "protocol" });
    expect(body.documents[0]?.signatories).toHaveLength(2);
    const list = (await (await app.request(`/api/commitments?sessionId=${session6}&limit=100`)).json()) as {
      items: { sector: string }[];
    };
    expect(list.items).toHaveLength(33);
  });

  it("filters the commitment list by query parameters", async () => {
    const res = await app.request(`/api/commitments?commissionId=${commissionId}&sector=energy&q=SOCAR`);
    const body = (await res.json()) as { items: { sector: string; text: { ru: string } }[] };
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect(item.sector).toBe("energy");
  });

  it("finds organisations by any of their names, and pages through them", async () => {
    const found = (await (
      await app.request(`/api/organizations?q=${encodeURIComponent("«Кыргызнефтегаз»")}`)
    ).json()) as {
      items: { country: string; aliases: string[] }[];
    };
    expect(found.items).toHaveLength(1);
    expect(found.items[0]?.country).toBe("KG");
    const seen = new Set<string>();
    let cursor = "";
    do {
      const page = (await (
        await app.request(`/api/organizations?limit=7${cursor ? `&cursor=${cursor}` : ""}`)
      ).json()) as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      for (const o of page.items) seen.add(o.id);
      cursor = page.nextCursor ?? "";
    } while (cursor);
    const total = await database.db
      .selectFrom("organizations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(seen.size).toBe(total.n);
  });

  it("answers 400 naming the query parameter that is wrong", async () => {
    await expectError(await app.request("/api/commitments?limit=abc"), 400, "validation_failed", ["limit"]);
    await expectError(await app.request("/api/commitments?overdue=maybe"), 400, "validation_failed", ["overdue"]);
    await expectError(await app.request("/api/commitments?colour=red"), 400, "validation_failed", ["colour"]);
    await expectError(await app.request("/api/commitments?sector=mining"), 400, "validation_failed", ["sector"]);
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expectError(await app.request(`/api/commitments/${unknown}`), 404, "not_found", [unknown]);
    await expectError(await app.request(`/api/commissions/${unknown}`), 404, "not_found");
    await expectError(await app.request(`/api/sessions/${unknown}`), 404, "not_found");
    await expectError(await app.request("/api/commitments/42"), 400, "validation_failed", ["id"]);
    await expectError(await app.request("/api/nothing-here"), 404, "not_found");
  });

  it("publishes an OpenAPI 3.1 document where every operation states its access rule", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { "x-igc-access"?: unknown }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThanOrEqual(9);
    for (const op of operations) expect(op["x-igc-access"]).toBeDefined();
    expect((await app.request("/api/docs")).status).toBe(200);
  });
});

describe("writing", () => {
  it("refuses bad JSON, wrong types, unknown fields and oversized input, writing nothing", async () => {
    const before = await counts();
    await expectError(await app.request("/api/commitments", jsonRequest("POST", "{not json")), 400, "invalid_json");
    await expectError(
      await app.request(
        "/api/commitments",
        jsonRequest("POST", { sessionId: session6, sector: "trade", text: "plain" }),
      ),
      400,
      "validation_failed",
      ["text"],
    );
    await expectError(
      await app.request(
        "/api/commitments",
        jsonRequest("POST", { sessionId: session6, sector: "trade", text: { en: "x" }, colour: "red" }),
      ),
      400,
      "validation_failed",
      ["colour"],
    );
    await expectError(
      await app.request("/api/commitments", jsonRequest("POST", { sector: "trade", text: { en: "x" } })),
      400,
      "validation_failed",
      ["sessionId: is required"],
    );
    await expectError(
      await app.request(
        "/api/commitments",
        jsonRequest("POST", { sessionId: session6, sector: "trade", text: { en: "x".repeat(20_001) } }),
      ),
      400,
      "validation_failed",
      ["text.en"],
    );
    await expectError(
      await app.request(`/api/commitments/${commitment.id}/updates`, jsonRequest("POST", { text: "y", progress: 140 })),
      400,
      "validation_failed",
      ["progress"],
    );
    await expectError(
      await app.request(
        "/api/commitments",
        jsonRequest("POST", { sessionId: session6, sector: "trade", text: { en: "x".repeat(MAX_BODY_BYTES) } }),
      ),
      413,
      "payload_too_large",
    );
    expect(await counts()).toEqual(before);
  });

  it("creates a commitment (201) and changes it with the version it read", async () => {
    const created = await app.request(
      "/api/commitments",
      jsonRequest("POST", {
        sessionId: session6,
        sector: "digital",
        text: { en: "Connect e-government services" },
        deadline: "2026-Q4",
      }),
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; version: number; dueDate: string };
    expect(body).toMatchObject({ version: 1, dueDate: "2026-12-31" });
    const patched = await app.request(
      `/api/commitments/${body.id}`,
      jsonRequest("PATCH", { version: 1, deadline: "2027-Q1" }),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ version: 2, deadline: "2027-Q1", dueDate: "2027-03-31" });
  });

  it("refuses a second item with the same number in a session (409 naming the field)", async () => {
    const first = await app.request(
      "/api/commitments",
      jsonRequest("POST", { sessionId: session6, sector: "trade", text: { en: "Another item" }, itemNumber: "1.1" }),
    );
    await expectError(first, 409, "conflict", ["itemNumber"]);
  });

  it("answers 409 to a stale version and leaves the row as it was", async () => {
    const before = await counts();
    const res = await app.request(
      `/api/commitments/${commitment.id}`,
      jsonRequest("PATCH", { version: 99, deadline: "2030" }),
    );
    await expectError(res, 409, "version_conflict", ["version 99"]);
    const after = (await (await app.request(`/api/commitments/${commitment.id}`)).json()) as {
      deadline: string | null;
    };
    expect(after.deadline).not.toBe("2030");
    expect(await counts()).toEqual(before);
  });

  it("posts a side's report, audited with the actor, and shows it in the history", async () => {
    const before = (await (await app.request(`/api/commitments/${commitment.id}`)).json()) as {
      status: string;
      progress: number;
    };
    const res = await app.request(`/api/commitments/${commitment.id}/updates`, {
      ...jsonRequest("POST", { text: "Working group met in Bishkek", status: "in_progress", progress: 30, side: "KG" }),
      headers: { "content-type": "application/json", ...(await actingAs(database, "Bolot (secretariat KG)")) },
    });
    expect(res.status).toBe(201);
    // A side's report moves that side only; the overall status waits for the secretariat's confirmation.
    expect(await res.json()).toMatchObject({
      commitment: {
        status: before.status,
        progress: before.progress,
        awaitingConfirmation: true,
        sides: expect.arrayContaining([expect.objectContaining({ side: "KG", status: "in_progress", progress: 30 })]),
      },
      update: { kind: "side_report", side: "KG", status: "in_progress", progress: 30 },
    });
    const history = (await (await app.request(`/api/commitments/${commitment.id}/updates`)).json()) as {
      items: { text: string; authorName: string }[];
    };
    expect(history.items[0]).toMatchObject({
      text: "Working group met in Bishkek",
      authorName: "Bolot (secretariat KG)",
    });
    const audit = await database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_id", "=", commitment.id)
      .where("action", "=", "commitment.side_report")
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe("Bolot (secretariat KG)");
  });

  it("signs a comment with the signed-in person's name, Cyrillic and whole", async () => {
    const res = await app.request(`/api/commitments/${commitment.id}/comments`, {
      ...jsonRequest("POST", { text: "Проверено" }),
      headers: { "content-type": "application/json", ...(await actingAs(database, "Болот Усенов")) },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ authorName: "Болот Усенов" });
  });

  it("refuses an update from a country that is not a side of the commission", async () => {
    await expectError(
      await app.request(`/api/commitments/${commitment.id}/updates`, jsonRequest("POST", { text: "x", side: "RU" })),
      400,
      "validation_failed",
      ["side"],
    );
  });
});
