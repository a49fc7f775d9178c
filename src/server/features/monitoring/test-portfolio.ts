import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { RollupFilter } from "../../../shared/api/monitoring.ts";
import { COMMITMENT_STATUSES, type CommitmentStatus } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import { makeCommission, makeOrganization, makeSession } from "../../testing/factories.ts";

/**
 * Test data for the monitoring tests: two commissions sharing an Azerbaijani ministry, and random commitments
 * over them with every field a figure depends on (status, progress, weight, due date, confirmation, measure,
 * responsible organisations on either side).
 */

export const TODAY = "2026-07-01";
export const clock = () => new Date(`${TODAY}T10:00:00Z`);

export type PortfolioCommission = {
  id: string;
  sessions: string[];
  organizations: { id: string; side: string }[];
  measures: string[];
};

export async function makePortfolio(db: Kysely<DB>): Promise<PortfolioCommission[]> {
  const sharedMinistry = await makeOrganization(db, { country: "AZ", name: { en: "Ministry of Economy" } });
  const commissions: PortfolioCommission[] = [];
  for (const partner of ["KG", "KZ"]) {
    const commission = await makeCommission(db, { countries: ["AZ", partner] });
    const sessions = [
      await makeSession(db, commission.id, { number: 1, startsOn: "2024-10-01" }),
      await makeSession(db, commission.id, { number: 2, startsOn: "2025-10-01" }),
    ];
    const partnerAgency = await makeOrganization(db, { country: partner });
    const programme = await db
      .insertInto("programmes")
      .values({
        commission_id: commission.id,
        kind: "programme",
        title: '{"en":"Programme"}',
        start_year: 2024,
        end_year: 2029,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const measures = await db
      .insertInto("programme_measures")
      .values(
        [1, 2].map((n) => ({ programme_id: programme.id, code: `${n}.`, title: `{"en":"Measure ${n}"}`, position: n })),
      )
      .returning("id")
      .execute();
    commissions.push({
      id: commission.id,
      sessions: sessions.map((s) => s.id),
      organizations: [
        { id: sharedMinistry.id, side: "AZ" },
        { id: partnerAgency.id, side: partner },
      ],
      measures: measures.map((m) => m.id),
    });
  }
  return commissions;
}

const SECTORS = ["trade", "energy", "transport"] as const;

const sampleCommitment = fc.record({
  commission: fc.nat({ max: 1 }),
  session: fc.nat({ max: 1 }),
  sector: fc.constantFrom(...SECTORS),
  status: fc.constantFrom(...COMMITMENT_STATUSES),
  progress: fc.integer({ min: 0, max: 100 }),
  weight: fc.option(
    fc.integer({ min: 1, max: 50 }).map((tenths) => tenths / 10),
    { nil: null },
  ),
  dueInDays: fc.option(fc.integer({ min: -400, max: 120 }), { nil: null }),
  awaitingConfirmation: fc.boolean(),
  measure: fc.option(fc.nat({ max: 1 }), { nil: null }),
  responsible: fc.subarray([0, 1]),
});
export type SampleCommitment = typeof sampleCommitment extends fc.Arbitrary<infer T> ? T : never;

/** Random commitments; in half of the samples every one has a weight, so that both roll-up rules are exercised. */
export const sampleCommitments = fc
  .tuple(fc.boolean(), fc.array(sampleCommitment, { maxLength: 40 }))
  .map(([everyWeighted, items]) => (everyWeighted ? items.map((i) => ({ ...i, weight: i.weight ?? 1.5 })) : items));

export type StoredCommitment = {
  id: string;
  commissionId: string;
  sessionId: string;
  sector: string;
  status: CommitmentStatus;
  progress: number;
  weight: number | null;
  dueDate: string | null;
  awaitingConfirmation: boolean;
  measureId: string | null;
  responsible: { organizationId: string; side: string }[];
};

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A status carries its progress: not started is 0, done is 100. */
function progressFor(status: CommitmentStatus, drawn: number): number {
  if (status === "not_started") return 0;
  return status === "done" ? 100 : drawn;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index} among ${items.length}.`);
  return item;
}

function toStored(sample: SampleCommitment, portfolio: PortfolioCommission[]): StoredCommitment {
  const commission = at(portfolio, sample.commission);
  return {
    id: randomUUID(),
    commissionId: commission.id,
    sessionId: at(commission.sessions, sample.session),
    sector: sample.sector,
    status: sample.status,
    progress: progressFor(sample.status, sample.progress),
    weight: sample.weight,
    dueDate: sample.dueInDays === null ? null : addDays(TODAY, sample.dueInDays),
    awaitingConfirmation: sample.awaitingConfirmation,
    measureId: sample.measure === null ? null : at(commission.measures, sample.measure),
    responsible: sample.responsible.map((i) => {
      const organization = at(commission.organizations, i);
      return { organizationId: organization.id, side: organization.side };
    }),
  };
}

/** Replaces every commitment with the sample and returns what was stored. */
export async function storeCommitments(
  db: Kysely<DB>,
  portfolio: PortfolioCommission[],
  samples: SampleCommitment[],
): Promise<StoredCommitment[]> {
  const stored = samples.map((s) => toStored(s, portfolio));
  await db.deleteFrom("commitments").execute();
  if (stored.length === 0) return stored;
  await db
    .insertInto("commitments")
    .values(
      stored.map((c, position) => ({
        id: c.id,
        commission_id: c.commissionId,
        session_id: c.sessionId,
        position,
        sector_code: c.sector,
        text: JSON.stringify({ en: `Commitment ${position + 1}` }),
        deadline: c.dueDate,
        due_date: c.dueDate,
        status: c.status,
        progress: c.progress,
        dropped_reason: c.status === "dropped" ? "No longer needed" : null,
        weight: c.weight,
        awaiting_confirmation: c.awaitingConfirmation,
        measure_id: c.measureId,
      })),
    )
    .execute();
  const responsibles = stored.flatMap((c) =>
    c.responsible.map((r) => ({
      commitment_id: c.id,
      organization_id: r.organizationId,
      commission_id: c.commissionId,
      side: r.side,
    })),
  );
  if (responsibles.length > 0) await db.insertInto("commitment_responsibles").values(responsibles).execute();
  return stored;
}

/** The commitments a monitoring filter selects, in the test's own model. */
export function matchesFilter(c: StoredCommitment, filter: RollupFilter): boolean {
  return (
    (filter.commissionId === undefined || c.commissionId === filter.commissionId) &&
    (filter.sessionId === undefined || c.sessionId === filter.sessionId) &&
    (filter.sector === undefined || c.sector === filter.sector) &&
    (filter.organizationId === undefined || c.responsible.some((r) => r.organizationId === filter.organizationId))
  );
}

/** The same filter as plain SQL over `commitments c`, written apart from the code under test. */
export function plainFilter(filter: RollupFilter): RawBuilder<boolean> {
  return sql<boolean>`(${filter.commissionId ?? null}::uuid is null or c.commission_id = ${filter.commissionId ?? null})
    and (${filter.sessionId ?? null}::uuid is null or c.session_id = ${filter.sessionId ?? null})
    and (${filter.sector ?? null}::text is null or c.sector_code = ${filter.sector ?? null})
    and (${filter.organizationId ?? null}::uuid is null
      or c.id in (select commitment_id from commitment_responsibles where organization_id = ${filter.organizationId ?? null}))`;
}

/** Plain SQL: how many commitments the filter selects that meet the condition. */
export async function countWhere(
  db: Kysely<DB>,
  filter: RollupFilter,
  condition: RawBuilder<boolean> = sql<boolean>`true`,
): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*) as n from commitments c where ${plainFilter(filter)} and ${condition}`.execute(db);
  return result.rows[0]?.n ?? 0;
}
