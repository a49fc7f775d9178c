import { type RawBuilder, sql } from "kysely";
import type { RollupFilter, StatusTally } from "../../../shared/api/monitoring.ts";

/**
 * The SQL every monitoring figure is made of, over `commitments as c`. Counting happens in the database so that a
 * portfolio of a million commitments never travels to Node; the rules are those of src/shared (deadline.ts,
 * rollup.ts), and a property test holds the two equal.
 */

/** Still expected to be done: only open items can be late or due. */
export const isOpen = sql<boolean>`c.status in ('not_started', 'in_progress')`;

/** Late: open, and its due date has passed (`today` is an ISO day, as in isOverdue). */
export function isLate(today: string): RawBuilder<boolean> {
  return sql<boolean>`(${isOpen} and c.due_date < ${today}::date)`;
}

const counted = sql`c.status <> 'dropped'`;

/**
 * rollUpProgress() as an aggregate: weighted where every item that counts has a weight, the plain mean
 * otherwise, dropped items left out, null when none counts. Unrounded, so that it stays within rounding of the
 * shared function whatever the float arithmetic; presentTally rounds it.
 */
export const rolledUpProgress = sql<number | null>`(case
  when count(*) filter (where ${counted}) = 0 then null
  when count(c.weight) filter (where ${counted}) = count(*) filter (where ${counted})
    then sum(c.progress * c.weight) filter (where ${counted}) / sum(c.weight) filter (where ${counted})
  else avg(c.progress) filter (where ${counted})
end)::float8`;

export type TallyRow = {
  total: number;
  not_started: number;
  in_progress: number;
  done: number;
  dropped: number;
  late: number;
  awaiting_confirmation: number;
  progress: number | null;
};

/** The select list of a TallyRow, to aggregate over any grouping. */
export function tallyColumns(today: string): RawBuilder<TallyRow> {
  return sql<TallyRow>`count(*) as total,
    count(*) filter (where c.status = 'not_started') as not_started,
    count(*) filter (where c.status = 'in_progress') as in_progress,
    count(*) filter (where c.status = 'done') as done,
    count(*) filter (where c.status = 'dropped') as dropped,
    count(*) filter (where ${isLate(today)}) as late,
    count(*) filter (where c.awaiting_confirmation) as awaiting_confirmation,
    ${rolledUpProgress} as progress`;
}

/** The filters of the monitoring views, as the commitment list applies them (organisation: any responsible one). */
export function matchesFilter(filter: RollupFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.commissionId) conditions.push(sql<boolean>`c.commission_id = ${filter.commissionId}`);
  if (filter.sessionId) conditions.push(sql<boolean>`c.session_id = ${filter.sessionId}`);
  if (filter.sector) conditions.push(sql<boolean>`c.sector_code = ${filter.sector}`);
  if (filter.organizationId) {
    conditions.push(sql<boolean>`exists (select 1 from commitment_responsibles r
      where r.commitment_id = c.id and r.organization_id = ${filter.organizationId})`);
  }
  return conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

/** The row of an aggregate without GROUP BY, which always returns exactly one. */
export function aggregateRow<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error("An aggregate without grouping returned no row.");
  return row;
}

/** Progress to one decimal, the precision rollUpProgress() gives. */
export function toTenth(progress: number | null): number | null {
  return progress === null ? null : Math.round(progress * 10) / 10;
}

export function presentTally(row: TallyRow): StatusTally {
  return {
    total: row.total,
    notStarted: row.not_started,
    inProgress: row.in_progress,
    done: row.done,
    dropped: row.dropped,
    late: row.late,
    awaitingConfirmation: row.awaiting_confirmation,
    progress: toTenth(row.progress),
  };
}
