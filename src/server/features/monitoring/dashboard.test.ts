import fc from "fast-check";
import { type RawBuilder, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dashboard, RollupFilter, RollupList } from "../../../shared/api/monitoring.ts";
import { ROLLUP_GROUPS } from "../../../shared/api/monitoring.ts";
import { rollUpProgress } from "../../../shared/rollup.ts";
import type { Database } from "../../db/client.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import {
  addDays,
  clock,
  countWhere,
  makePortfolio,
  matchesFilter,
  type PortfolioCommission,
  plainFilter,
  type SampleCommitment,
  type StoredCommitment,
  sampleCommitments,
  storeCommitments,
  TODAY,
} from "./test-portfolio.ts";

// Every dashboard number against a plain SQL count over a small generated portfolio, through the HTTP API.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let portfolio: PortfolioCommission[];
let stored: StoredCommitment[];

const doneButPastDue: SampleCommitment = {
  commission: 0,
  session: 0,
  sector: "energy",
  status: "done",
  progress: 100,
  weight: null,
  dueInDays: -30,
  awaitingConfirmation: false,
  measure: null,
  responsible: [0],
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database, clock);
  portfolio = await makePortfolio(database.db);
  const samples = fc.sample(sampleCommitments, { seed: 20260701, numRuns: 6 }).flat();
  stored = await storeCommitments(database.db, portfolio, [...samples, doneButPastDue]);
});
afterAll(() => database.drop());

async function getJson<T>(path: string): Promise<T> {
  const res = await app.request(path);
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

const query = (filter: RollupFilter) =>
  new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined)).toString();
const isOpen = sql<boolean>`c.status in ('not_started', 'in_progress')`;
const late = sql<boolean>`${isOpen} and c.due_date < ${TODAY}::date`;
const withStatus = (status: string) => sql<boolean>`c.status = ${status}`;
const dueWithin = (days: number) =>
  sql<boolean>`${isOpen} and c.due_date between ${TODAY}::date and ${addDays(TODAY, days)}::date`;
const responsibleIs = (organizationId: string) =>
  sql<boolean>`c.id in (select commitment_id from commitment_responsibles where organization_id = ${organizationId})`;
const and = (...conditions: RawBuilder<boolean>[]) => sql<boolean>`(${sql.join(conditions, sql` and `)})`;

async function plainIds(filter: RollupFilter, condition: RawBuilder<boolean>): Promise<string[]> {
  const result = await sql<{ id: string }>`select c.id from commitments c where ${plainFilter(filter)} and ${condition}
    order by c.due_date, c.id limit 20`.execute(database.db);
  return result.rows.map((r) => r.id);
}

// Resolved once the portfolio exists: `it.each` reads its table before `beforeAll` runs.
const FILTERS: [string, (p: PortfolioCommission[]) => RollupFilter][] = [
  ["the portfolio", () => ({})],
  ["one commission", (p) => ({ commissionId: p[0]?.id })],
  ["one sector across commissions", () => ({ sector: "energy" })],
  ["one organisation", (p) => ({ organizationId: p[0]?.organizations[0]?.id })],
];

describe(`the dashboard on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it.each(FILTERS)("of %s equals plain SQL counts", async (_name, filterOf) => {
    const filter = filterOf(portfolio);
    const count = (condition?: RawBuilder<boolean>) => countWhere(database.db, filter, condition);
    const dashboard = await getJson<Dashboard>(`/api/dashboard?${query(filter)}`);
    expect(dashboard.asOf).toBe(TODAY);

    expect(dashboard.totals).toMatchObject({
      total: await count(),
      notStarted: await count(withStatus("not_started")),
      inProgress: await count(withStatus("in_progress")),
      done: await count(withStatus("done")),
      dropped: await count(withStatus("dropped")),
      late: await count(late),
      awaitingConfirmation: await count(sql<boolean>`c.awaiting_confirmation`),
    });
    const selected = stored.filter((c) => matchesFilter(c, filter));
    const expectedProgress = rollUpProgress(
      selected.map((c) => ({ progress: c.progress, weight: c.weight, dropped: c.status === "dropped" })),
    );
    expect(Math.abs((dashboard.totals.progress ?? Number.NaN) - (expectedProgress ?? Number.NaN))).toBeLessThan(0.11);

    const startDates = dashboard.implementationBySession.map((s) => s.startsOn ?? "");
    expect(startDates).toEqual([...startDates].sort());
    expect(new Set(dashboard.implementationBySession.map((s) => s.sessionId))).toEqual(
      new Set(selected.map((c) => c.sessionId)),
    );
    for (const session of dashboard.implementationBySession) {
      const inSession = sql<boolean>`c.session_id = ${session.sessionId}`;
      const done = await count(and(inSession, withStatus("done")));
      const notDropped = await count(and(inSession, sql<boolean>`c.status <> 'dropped'`));
      expect(session).toMatchObject({ total: await count(inSession), done });
      expect(session.rate).toBe(notDropped === 0 ? null : Math.round((done / notDropped) * 1000) / 10);
    }

    for (const cell of dashboard.sectorStatusMatrix) {
      const inSector = sql<boolean>`c.sector_code = ${cell.sector}`;
      expect(cell).toEqual({
        sector: cell.sector,
        notStarted: await count(and(inSector, withStatus("not_started"))),
        inProgress: await count(and(inSector, withStatus("in_progress"))),
        done: await count(and(inSector, withStatus("done"))),
        dropped: await count(and(inSector, withStatus("dropped"))),
        late: await count(and(inSector, late)),
      });
    }

    expect(dashboard.late.map((i) => i.id)).toEqual(await plainIds(filter, late));
    for (const item of dashboard.late) expect(addDays(item.dueDate, item.daysLate)).toBe(TODAY);
    const atRisk = and(dueWithin(30), sql<boolean>`c.progress < 50`);
    expect(dashboard.atRisk.map((i) => i.id)).toEqual(await plainIds(filter, atRisk));
    for (const item of dashboard.atRisk) expect(addDays(TODAY, item.daysLeft)).toBe(item.dueDate);

    expect(dashboard.upcoming).toEqual({
      days30: await count(dueWithin(30)),
      days60: await count(dueWithin(60)),
      days90: await count(dueWithin(90)),
    });

    for (const card of dashboard.scorecards) {
      const responsible = responsibleIs(card.organizationId);
      expect(card).toMatchObject({
        total: await count(responsible),
        done: await count(and(responsible, withStatus("done"))),
        late: await count(and(responsible, late)),
      });
    }
    expect(dashboard.scorecards.map((c) => c.total)).toEqual(
      [...dashboard.scorecards.map((c) => c.total)].sort((a, b) => b - a),
    );
  });

  it("gives numbers that each equal the length of the commitment list its description names", async () => {
    const filter = { commissionId: portfolio[1]?.id };
    const list = async (params: Record<string, string>) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await getJson(
          `/api/commitments?${query(filter)}&${new URLSearchParams({ ...params, limit: "500", ...(cursor ? { cursor } : {}) })}`,
        );
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return ids;
    };
    const dashboard = await getJson<Dashboard>(`/api/dashboard?${query(filter)}`);
    expect(dashboard.totals.total).toBe((await list({})).length);
    expect(dashboard.totals.done).toBe((await list({ status: "done" })).length);
    expect(dashboard.totals.late).toBe((await list({ overdue: "true" })).length);
    expect(dashboard.totals.awaitingConfirmation).toBe((await list({ awaitingConfirmation: "true" })).length);
    expect(dashboard.late.map((i) => i.id)).toEqual((await list({ overdue: "true", sort: "deadline" })).slice(0, 20));
    for (const cell of dashboard.sectorStatusMatrix) {
      expect(cell.inProgress).toBe((await list({ sector: cell.sector, status: "in_progress" })).length);
      expect(cell.late).toBe((await list({ sector: cell.sector, overdue: "true" })).length);
    }
    for (const session of dashboard.implementationBySession) {
      expect(session.done).toBe((await list({ sessionId: session.sessionId, status: "done" })).length);
    }
    for (const card of dashboard.scorecards) {
      expect(card.total).toBe((await list({ organizationId: card.organizationId })).length);
      expect(card.late).toBe((await list({ organizationId: card.organizationId, overdue: "true" })).length);
    }
    const measures = await getJson<RollupList>(`/api/rollups?groupBy=measure&${query(filter)}`);
    for (const measure of measures.items) {
      expect(measure.total).toBe((await list({ measureId: measure.key })).length);
    }
  });

  it("never counts a done item as late, and takes one off when a late item is done", async () => {
    const doneLate = stored.filter((c) => c.status === "done" && c.dueDate !== null && c.dueDate < TODAY);
    expect(doneLate.length).toBeGreaterThan(0);
    const before = await getJson<Dashboard>("/api/dashboard");
    // The generated set must exercise every list, or the comparisons above would hold vacuously.
    for (const list of [before.late, before.atRisk, before.scorecards, before.implementationBySession]) {
      expect(list.length).toBeGreaterThan(0);
    }
    const listed = new Set(before.late.map((i) => i.id));
    for (const c of doneLate) expect(listed.has(c.id)).toBe(false);
    for (const groupBy of ROLLUP_GROUPS) {
      const { items } = await getJson<RollupList>(`/api/rollups?groupBy=${groupBy}`);
      for (const item of items) expect(item.late).toBeLessThanOrEqual(item.notStarted + item.inProgress);
    }

    const [first] = before.late;
    if (!first) throw new Error("The generated portfolio has no late item.");
    const res = await app.request(
      `/api/commitments/${first.id}/updates`,
      jsonRequest("POST", { text: "Signed on 30 June.", status: "done" }),
    );
    expect(res.status).toBe(201);
    const after = await getJson<Dashboard>("/api/dashboard");
    expect(after.totals.late).toBe(before.totals.late - 1);
    expect(after.totals.done).toBe(before.totals.done + 1);
    expect(after.late.map((i) => i.id)).not.toContain(first.id);
  });

  it("names each group in three languages and gives progress to one decimal", async () => {
    const { items } = await getJson<RollupList>("/api/rollups?groupBy=sector");
    expect(items.map((i) => i.key)).toEqual(
      ["trade", "energy", "transport"].filter((s) => items.some((i) => i.key === s)),
    );
    for (const item of items) {
      expect(Object.keys(item.label).sort()).toEqual(["az", "en", "ru"]);
      if (item.progress !== null) expect(Math.round(item.progress * 10)).toBeCloseTo(item.progress * 10, 9);
    }
    const sessions = await getJson<RollupList>(`/api/rollups?groupBy=session&commissionId=${portfolio[0]?.id}`);
    expect(sessions.items.map((i) => i.label.en)).toEqual(["AZ–KG, session 1", "AZ–KG, session 2"]);
  });

  it("answers 400 naming the field for a wrong grouping or an unknown filter", async () => {
    const wrong = await app.request("/api/rollups?groupBy=country");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain("groupBy");
    const missing = await app.request("/api/rollups");
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("groupBy: is required");
    expect((await app.request("/api/dashboard?status=done")).status).toBe(400);
    expect((await app.request("/api/dashboard?commissionId=42")).status).toBe(400);
  });
});
