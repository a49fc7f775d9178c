import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CarryOverProposalList,
  CarryOverResult,
  ImplementationReport,
  ReportTally,
  RollupList,
} from "../../../shared/api/monitoring.ts";
import type { Database } from "../../db/client.ts";
import type { CommitmentStatusValue } from "../../db/schema.ts";
import { makeCommission, makeCommitment, makeOrganization, makeSession } from "../../testing/factories.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";

// The N → N+1 loop through the API: proposals, carrying over with a link (never twice), dropping with a reason,
// and the implementation report whose totals add up.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;

type Ids = Record<"s1" | "s2" | "s3" | "a" | "b" | "c" | "d" | "e" | "otherCommission" | "ministry" | "agency", string>;
let ids: Ids;

async function setStatus(id: string, status: CommitmentStatusValue, progress: number): Promise<void> {
  await database.db
    .updateTable("commitments")
    .set({ status, progress, dropped_reason: status === "dropped" ? "Superseded" : null })
    .where("id", "=", id)
    .execute();
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  const { db } = database;
  const commission = await makeCommission(db, { countries: ["AZ", "KG"] });
  const ministry = (await makeOrganization(db, { country: "AZ" })).id;
  const agency = (await makeOrganization(db, { country: "KG" })).id;
  const s1 = (await makeSession(db, commission.id, { number: 1, startsOn: "2024-10-01" })).id;
  const s2 = (await makeSession(db, commission.id, { number: 2, startsOn: "2025-10-01" })).id;
  const s3 = (await makeSession(db, commission.id, { number: 3, status: "planned" })).id;
  const both = [
    { organizationId: ministry, side: "AZ", lead: true },
    { organizationId: agency, side: "KG" },
  ];
  const make = async (sessionId: string, sector: "trade" | "energy", deadline: string | null) =>
    (await makeCommitment(db, sessionId, { sector, deadline, responsible: both, text: { en: "Open a trade house" } }))
      .id;
  const a = await make(s1, "trade", "2025-12-31");
  const b = await make(s1, "energy", null);
  const c = await make(s1, "energy", "2026-03-31");
  const d = await make(s1, "trade", null);
  const e = await make(s2, "trade", "2027");
  await setStatus(b, "done", 100);
  await setStatus(c, "in_progress", 30);
  await setStatus(e, "in_progress", 60);
  await db
    .insertInto("commitment_side_reports")
    .values({ commitment_id: c, commission_id: commission.id, side: "KG", status: "in_progress", progress: 40 })
    .execute();
  const other = await makeCommission(db, { countries: ["AZ", "KZ"] });
  const otherCommission = (await makeCommitment(db, (await makeSession(db, other.id, { number: 1 })).id)).id;
  ids = { s1, s2, s3, a, b, c, d, e, otherCommission, ministry, agency };
});
afterAll(() => database.drop());

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await app.request(path, body === undefined ? { method } : jsonRequest(method, body));
  return { status: res.status, body: (await res.json()) as T };
}
const proposalIds = async (sessionId: string) =>
  (await call<CarryOverProposalList>("GET", `/api/sessions/${sessionId}/carry-over`)).body.items.map((i) => i.id);
const countRows = async (table: "commitments" | "status_updates" | "audit_events") =>
  (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n;

describe(`carry-over on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("proposes the unfinished items of earlier sessions, oldest session first", async () => {
    expect(await proposalIds(ids.s3)).toEqual([ids.a, ids.c, ids.d, ids.e]);
    expect(await proposalIds(ids.s2)).toEqual([ids.a, ids.c, ids.d]);
    expect(await proposalIds(ids.s1)).toEqual([]);
    const { body } = await call<CarryOverProposalList>("GET", `/api/sessions/${ids.s3}/carry-over`);
    expect(body.items.find((i) => i.id === ids.a)).toMatchObject({
      sessionNumber: 1,
      late: true,
      status: "not_started",
    });
    expect(body.items[0]?.responsible.map((r) => [r.side, r.lead])).toEqual([
      ["AZ", true],
      ["KG", false],
    ]);
  });

  it("refuses what is not a proposal, changing nothing", async () => {
    const before = await countRows("commitments");
    const refuse = async (decision: unknown, status: number, mention: string) => {
      const { status: got, body } = await call<{ error: { message: string } }>(
        "POST",
        `/api/sessions/${ids.s3}/carry-over`,
        decision,
      );
      expect(got, JSON.stringify(body)).toBe(status);
      expect(body.error.message).toContain(mention);
    };
    await refuse({ accept: [ids.b] }, 400, "accept.0: commitment");
    await refuse({ accept: [ids.a, ids.otherCommission] }, 400, "accept.1");
    await refuse({ drop: [{ commitmentId: ids.a, reason: " " }] }, 400, "drop.0.reason");
    await refuse({ accept: [ids.a], drop: [{ commitmentId: ids.a, reason: "Done elsewhere" }] }, 400, "twice");
    await refuse({}, 400, "at least one");
    expect((await call("POST", `/api/sessions/${ids.e}/carry-over`, { accept: [ids.a] })).status).toBe(404);
    expect(await countRows("commitments")).toBe(before);
  });

  let continuationOfA = "";

  it("carries accepted items over with a link and drops the others with their reason, in one audited step", async () => {
    const [updates, audits] = [await countRows("status_updates"), await countRows("audit_events")];
    const { status, body } = await call<CarryOverResult>("POST", `/api/sessions/${ids.s3}/carry-over`, {
      accept: [ids.e, ids.a],
      drop: [{ commitmentId: ids.c, reason: "Superseded by the 2026 energy roadmap." }],
    });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.carried.map((c) => c.carriedOverFromId)).toEqual([ids.a, ids.e]);
    expect(body.dropped).toEqual([ids.c]);
    continuationOfA = body.carried[0]?.id ?? "";

    const continuation = await database.db
      .selectFrom("commitments")
      .selectAll()
      .where("id", "=", continuationOfA)
      .executeTakeFirstOrThrow();
    expect(continuation).toMatchObject({
      session_id: ids.s3,
      sector_code: "trade",
      text: { en: "Open a trade house" },
      deadline: null,
      due_date: null,
      status: "not_started",
      progress: 0,
      carried_over_from_id: ids.a,
    });
    const responsible = await database.db
      .selectFrom("commitment_responsibles")
      .select(["organization_id", "side", "lead"])
      .where("commitment_id", "=", continuationOfA)
      .orderBy("side")
      .execute();
    expect(responsible).toEqual([
      { organization_id: ids.ministry, side: "AZ", lead: true },
      { organization_id: ids.agency, side: "KG", lead: false },
    ]);

    const dropped = await database.db
      .selectFrom("commitments")
      .select(["status", "progress", "dropped_reason", "version"])
      .where("id", "=", ids.c)
      .executeTakeFirstOrThrow();
    expect(dropped).toEqual({
      status: "dropped",
      progress: 30,
      dropped_reason: "Superseded by the 2026 energy roadmap.",
      version: 2,
    });
    const history = await call<{ items: { kind?: string; text: string; status: string }[] }>(
      "GET",
      `/api/commitments/${ids.c}/updates`,
    );
    expect(history.body.items[0]).toMatchObject({ text: "Superseded by the 2026 energy roadmap.", status: "dropped" });
    expect(await countRows("status_updates")).toBe((updates ?? 0) + 1);
    expect(await countRows("audit_events")).toBe((audits ?? 0) + 3);
    expect(await proposalIds(ids.s3)).toEqual([ids.d]);
  });

  it("never carries an item over twice, even when two requests race", async () => {
    const again = await call<{ error: { code: string } }>("POST", `/api/sessions/${ids.s3}/carry-over`, {
      accept: [ids.d, ids.a],
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    expect(await proposalIds(ids.s3)).toEqual([ids.d]);

    const race = await Promise.all(
      [1, 2].map(() => call("POST", `/api/sessions/${ids.s3}/carry-over`, { accept: [ids.d] })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    const continuations = await database.db
      .selectFrom("commitments")
      .select("id")
      .where("carried_over_from_id", "=", ids.d)
      .execute();
    expect(continuations).toHaveLength(1);
  });

  it("reports on the previous session by sector, with totals that add up", async () => {
    const { status, body } = await call<ImplementationReport>(
      "GET",
      `/api/sessions/${ids.s3}/implementation-report?of=${ids.s1}`,
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.of.number).toBe(1);
    expect(body.sectors.map((s) => s.sector)).toEqual(["trade", "energy"]);
    const items = body.sectors.flatMap((s) => s.items);
    expect(items.map((i) => i.id)).toEqual([ids.a, ids.d, ids.b, ids.c]);
    expect(items.find((i) => i.id === ids.a)).toMatchObject({ late: true, carriedOverAs: continuationOfA });
    const c = items.find((i) => i.id === ids.c);
    expect(c?.sides.map((s) => [s.side, s.status, s.progress, s.responsible.length])).toEqual([
      ["AZ", null, null, 1],
      ["KG", "in_progress", 40, 1],
    ]);
    expect(c?.latestUpdate).toMatchObject({
      text: "Superseded by the 2026 energy roadmap.",
      author: "Test Administrator",
    });

    const counts: (keyof ReportTally)[] = ["total", "notStarted", "inProgress", "done", "dropped", "late"];
    for (const key of [...counts, "awaitingConfirmation", "carriedOver"] as const) {
      expect(
        body.sectors.reduce((sum, s) => sum + (s.totals[key] ?? 0), 0),
        key,
      ).toBe(body.totals[key]);
    }
    expect(body.totals).toMatchObject({ total: 4, done: 1, dropped: 1, carriedOver: 2, late: 1 });

    const rollup = await call<RollupList>("GET", `/api/rollups?groupBy=sector&sessionId=${ids.s1}`);
    for (const sector of body.sectors) {
      const { carriedOver: _carriedOver, ...totals } = sector.totals;
      const { key: _key, label: _label, ...figures } = rollup.body.items.find((i) => i.key === sector.sector) ?? {};
      expect(figures).toEqual(totals);
    }
  });

  it("reports on the session before by default, and only on an earlier one", async () => {
    const report = await call<ImplementationReport>("GET", `/api/sessions/${ids.s3}/implementation-report`);
    expect(report.body.of.id).toBe(ids.s2);
    expect(report.body.sectors[0]?.items[0]).toMatchObject({ id: ids.e, carriedOverAs: expect.any(String) });
    expect((await call("GET", `/api/sessions/${ids.s1}/implementation-report`)).status).toBe(404);
    expect((await call("GET", `/api/sessions/${ids.s1}/implementation-report?of=${ids.s2}`)).status).toBe(400);
  });
});
