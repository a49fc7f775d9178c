import fc from "fast-check";
import { type RawBuilder, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLLUP_GROUPS, type RollupFilter, type RollupGroup } from "../../../shared/api/monitoring.ts";
import { rollUpProgress } from "../../../shared/rollup.ts";
import type { Database } from "../../db/client.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import type { TallyRow } from "./commitment-tally.ts";
import { loadRollup, loadTally } from "./rollups.repo.ts";
import {
  makePortfolio,
  matchesFilter,
  type PortfolioCommission,
  plainFilter,
  type StoredCommitment,
  sampleCommitments,
  storeCommitments,
  TODAY,
} from "./test-portfolio.ts";

// The roll-up SQL against the one rule (rollUpProgress) and against plain COUNT queries, on random data.
let database: Database & { drop: () => Promise<void> };
let portfolio: PortfolioCommission[];

beforeAll(async () => {
  database = await openTestDatabase();
  portfolio = await makePortfolio(database.db);
});
afterAll(() => database.drop());

/** The groups a commitment falls into, by the API's definition (a model written apart from the SQL). */
function groupsOf(c: StoredCommitment, groupBy: RollupGroup): string[] {
  switch (groupBy) {
    case "sector":
      return [c.sector];
    case "organization":
      return c.responsible.map((r) => r.organizationId);
    case "session":
      return [c.sessionId];
    case "measure":
      return c.measureId === null ? [] : [c.measureId];
    case "commission":
      return [c.commissionId];
    case "side":
      return [...new Set(c.responsible.map((r) => r.side))];
  }
}

function modelGroups(stored: StoredCommitment[], groupBy: RollupGroup): Map<string, StoredCommitment[]> {
  const groups = new Map<string, StoredCommitment[]>();
  for (const c of stored) {
    for (const key of groupsOf(c, groupBy)) groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return groups;
}

function expectedProgress(items: StoredCommitment[]): number | null {
  return rollUpProgress(
    items.map((c) => ({ progress: c.progress, weight: c.weight, dropped: c.status === "dropped" })),
  );
}

function expectProgressClose(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  // rollUpProgress rounds to one decimal; the SQL figure is unrounded.
  else expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
}

function inGroup(groupBy: RollupGroup | null, key: string): RawBuilder<boolean> {
  switch (groupBy) {
    case null:
      return sql<boolean>`true`;
    case "sector":
      return sql<boolean>`c.sector_code = ${key}`;
    case "organization":
      return sql<boolean>`c.id in (select commitment_id from commitment_responsibles where organization_id = ${key})`;
    case "session":
      return sql<boolean>`c.session_id = ${key}`;
    case "measure":
      return sql<boolean>`c.measure_id = ${key}`;
    case "commission":
      return sql<boolean>`c.commission_id = ${key}`;
    case "side":
      return sql<boolean>`c.id in (select commitment_id from commitment_responsibles where side = ${key})`;
  }
}

type Counts = Omit<TallyRow, "progress">;

/** One plain COUNT per figure of a group. */
async function plainCounts(groupBy: RollupGroup | null, key: string, filter: RollupFilter): Promise<Counts> {
  const count = (condition: RawBuilder<boolean>) =>
    sql<number>`(select count(*) from commitments c
      where ${inGroup(groupBy, key)} and ${plainFilter(filter)} and ${condition})`;
  const result = await sql<Counts>`select
    ${count(sql`true`)} as total,
    ${count(sql`c.status = 'not_started'`)} as not_started,
    ${count(sql`c.status = 'in_progress'`)} as in_progress,
    ${count(sql`c.status = 'done'`)} as done,
    ${count(sql`c.status = 'dropped'`)} as dropped,
    ${count(sql`c.status in ('not_started', 'in_progress') and c.due_date < ${TODAY}::date`)} as late,
    ${count(sql`c.awaiting_confirmation`)} as awaiting_confirmation`.execute(database.db);
  const [counts] = result.rows;
  if (!counts) throw new Error("A select of counts returned no row.");
  return counts;
}

function countsOf(row: TallyRow): Counts {
  const { progress: _progress, ...counts } = row;
  return counts;
}

describe(`roll-ups in SQL on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  const filters = () =>
    fc.constantFrom<RollupFilter>(
      {},
      { commissionId: portfolio[0]?.id },
      { sessionId: portfolio[1]?.sessions[0] },
      { sector: "energy" },
      { organizationId: portfolio[0]?.organizations[0]?.id },
    );

  it("equal rollUpProgress() and plain COUNT queries for every grouping and filter", async () => {
    await fc.assert(
      fc.asyncProperty(sampleCommitments, filters(), async (samples, filter) => {
        const stored = (await storeCommitments(database.db, portfolio, samples)).filter((c) =>
          matchesFilter(c, filter),
        );
        const tally = await loadTally(database.db, filter, TODAY);
        expectProgressClose(tally.progress, expectedProgress(stored));
        expect(countsOf(tally)).toEqual(await plainCounts(null, "", filter));
        for (const groupBy of ROLLUP_GROUPS) {
          const rows = await loadRollup(database.db, groupBy, filter, TODAY);
          const model = modelGroups(stored, groupBy);
          expect(rows.map((r) => r.key).sort(), groupBy).toEqual([...model.keys()].sort());
          for (const { key, label: _label, ...row } of rows) {
            expectProgressClose(row.progress, expectedProgress(model.get(key) ?? []));
            expect(countsOf(row), `${groupBy} ${key}`).toEqual(await plainCounts(groupBy, key, filter));
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
