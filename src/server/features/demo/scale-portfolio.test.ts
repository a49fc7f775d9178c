import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMITMENT_STATUSES } from "../../../shared/deadline.ts";
import { type Database, openDatabase } from "../../db/client.ts";
import type { DB } from "../../db/schema.ts";
import { type CliRun, runIgc } from "../../testing/run-cli.ts";
import { createTestApp } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { generatePortfolio, type PortfolioSize, portfolioShape } from "./scale-portfolio.ts";

// A thousandth of the full portfolio: 2 commissions, 10 sessions, 1,000 commitments with 5 updates each.
const TINY = 0.001;
const EXPECTED: PortfolioSize = {
  commissions: 2,
  sessions: 10,
  documents: 20,
  organizations: 24,
  commitments: 1000,
  // A lead on every commitment, a partner on every second one.
  responsibles: 1500,
  statusUpdates: 5000,
};
const CLI_TIMEOUT_MS = 90_000;

/** Rows that break a rule of the record; each query must return 0. */
const INCONSISTENCIES = {
  "commitments whose session is of another commission": sql<{ n: number }>`
    select count(*)::int as n from commitments c join sessions s on s.id = c.session_id
    where s.commission_id <> c.commission_id`,
  "commitments with an unknown status or a progress that contradicts it": sql<{ n: number }>`
    select count(*)::int as n from commitments
    where status <> all(${[...COMMITMENT_STATUSES]}::text[])
      or (status = 'done' and progress <> 100) or (status = 'not_started' and progress <> 0)`,
  "commitments whose latest update is not where they stand": sql<{ n: number }>`
    select count(*)::int as n from commitments c
    join lateral (select * from status_updates u where u.commitment_id = c.id order by created_at desc limit 1) last
      on true
    where last.status <> c.status or last.progress <> c.progress`,
  "commitments without exactly one lead of the host country": sql<{ n: number }>`
    select count(*)::int as n from commitments c join sessions s on s.id = c.session_id
    where (select count(*) from commitment_responsibles r
           where r.commitment_id = c.id and r.lead and r.side = s.host_country) <> 1`,
  "responsible organisations not of their side's country": sql<{ n: number }>`
    select count(*)::int as n from commitment_responsibles r join organizations o on o.id = r.organization_id
    where o.country_code <> r.side`,
  "sessions without a protocol": sql<{ n: number }>`
    select count(*)::int as n from sessions s
    where not exists (select 1 from documents d where d.session_id = s.id and d.kind = 'protocol')`,
};

async function inconsistencies(db: Kysely<DB>): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const [rule, query] of Object.entries(INCONSISTENCIES)) {
    found[rule] = (await query.execute(db)).rows[0]?.n ?? -1;
  }
  return found;
}

const allZero = Object.fromEntries(Object.keys(INCONSISTENCIES).map((rule) => [rule, 0]));

describe("a generated portfolio", () => {
  let database: Database & { drop: () => Promise<void> };
  let size: PortfolioSize;
  beforeAll(async () => {
    database = await openTestDatabase();
    size = await generatePortfolio(database.db, portfolioShape(TINY));
  });
  afterAll(() => database.drop());

  it("has the scaled number of every record", () => {
    expect(size).toEqual(EXPECTED);
  });

  it("is consistent: sessions of their commission, valid statuses, histories that end where items stand", async () => {
    expect(await inconsistencies(database.db)).toEqual(allZero);
  });

  it("has overdue, awaiting and weighted items, so that every figure of the dashboard is exercised", async () => {
    const response = await createTestApp(database).request("/api/dashboard");
    expect(response.status).toBe(200);
    const { totals } = (await response.json()) as { totals: Record<string, number> };
    expect(totals.total).toBe(EXPECTED.commitments);
    expect(totals.late).toBeGreaterThan(0);
    expect(totals.awaitingConfirmation).toBeGreaterThan(0);
    expect((totals.notStarted ?? 0) + (totals.inProgress ?? 0) + (totals.done ?? 0)).toBe(EXPECTED.commitments);
  });

  it("adds new commissions beside the ones a database holds", async () => {
    const again = await generatePortfolio(database.db, portfolioShape(TINY));
    expect(again).toEqual(EXPECTED);
    const pairs = await sql<{ n: number }>`
      select count(distinct (country_a, country_b))::int as n from commissions`.execute(database.db);
    expect(pairs.rows[0]?.n).toBe(2 * EXPECTED.commissions);
    expect(await inconsistencies(database.db)).toEqual(allZero);
  });

  it("refuses a scale of zero or beyond ten portfolios", () => {
    expect(() => portfolioShape(0)).toThrow(/above 0/);
    expect(() => portfolioShape(11)).toThrow(/at most 10/);
  });
});

function igc(dataDir: string, ...args: string[]): Promise<CliRun> {
  return runIgc({ IGC_DATA_DIR: dataDir }, ...args);
}

// The command itself runs on a PGlite folder of its own: once is enough, whichever engine the project tests.
describe.runIf(process.env.IGC_TEST_ENGINE !== "postgres")("igc demo --scale", () => {
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), "igc-demo-scale-"));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it(
    "generates the portfolio with progress on stderr and counts on stdout, then refuses to add to it",
    async () => {
      const dataDir = join(workDir, "data");
      const run = await igc(dataDir, "demo", "--scale", String(TINY));
      expect(run.stderr).toContain("1,000 commitments");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        "2 commissions, 10 sessions, 20 documents, 24 organisations, 1,000 commitments, " +
          "1,500 responsible organisations, 5,000 status updates",
      );

      const refused = await igc(dataDir, "demo", "--scale", String(TINY));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("already holds commissions; use --force");

      const database = await openDatabase({ dataDir });
      try {
        expect(await inconsistencies(database.db)).toEqual(allZero);
      } finally {
        await database.close();
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "says what a scale must be",
    async () => {
      const run = await igc(join(workDir, "unused"), "demo", "--scale", "lots");
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--scale must be a number");
    },
    CLI_TIMEOUT_MS,
  );
});
