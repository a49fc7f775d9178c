import type { Kysely, Selectable } from "kysely";
import type { ObservationInput, ObservationListQuery } from "../../../shared/api/indicators.ts";
import type { DB, IndicatorObservationsTable } from "../../db/schema.ts";

export type ObservationRow = Selectable<IndicatorObservationsTable>;
export type ObservationKey = { indicator: string; reporter: string; period: string };

/** Rows per INSERT: 7 parameters a row stays well under PostgreSQL's 65535 parameters a statement. */
const UPSERT_CHUNK = 1000;

export async function listObservations(
  db: Kysely<DB>,
  commissionId: string,
  filter: ObservationListQuery,
): Promise<ObservationRow[]> {
  let query = db.selectFrom("indicator_observations").selectAll().where("commission_id", "=", commissionId);
  if (filter.indicator) query = query.where("indicator", "=", filter.indicator);
  if (filter.reporter) query = query.where("reporter", "=", filter.reporter);
  return query.orderBy("indicator").orderBy("reporter").orderBy("period").execute();
}

/** The commission's observations (or the one with `key`), locked until the transaction ends. */
export async function lockObservations(
  trx: Kysely<DB>,
  commissionId: string,
  key?: ObservationKey,
): Promise<ObservationRow[]> {
  let query = trx.selectFrom("indicator_observations").selectAll().where("commission_id", "=", commissionId);
  if (key) {
    query = query
      .where("indicator", "=", key.indicator)
      .where("reporter", "=", key.reporter)
      .where("period", "=", key.period);
  }
  return query.forUpdate().execute();
}

/** Inserts the rows, replacing the value, unit and source of any (indicator, reporter, period) already there. */
export async function upsertObservations(
  trx: Kysely<DB>,
  commissionId: string,
  rows: ObservationInput[],
): Promise<ObservationRow[]> {
  const written: ObservationRow[] = [];
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    const chunk = rows.slice(start, start + UPSERT_CHUNK);
    written.push(
      ...(await trx
        .insertInto("indicator_observations")
        .values(
          chunk.map((r) => ({
            commission_id: commissionId,
            indicator: r.indicator,
            reporter: r.reporter,
            period: r.period,
            value: r.value,
            unit: r.unit,
            source: r.source ?? null,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["commission_id", "indicator", "reporter", "period"]).doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            unit: eb.ref("excluded.unit"),
            source: eb.ref("excluded.source"),
          })),
        )
        .returningAll()
        .execute()),
    );
  }
  return written;
}
