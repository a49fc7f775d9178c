import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { listResponsibleOrganizations } from "../monitoring/responsibles.repo.ts";

/** SQL only: a session's commitments by sector and in protocol order, each with its continuation at `reportingAt`. */
function listReportedCommitments(db: Kysely<DB>, sessionId: string, reportingAtId: string) {
  return db
    .selectFrom("commitments as c")
    .innerJoin("sectors as sec", "sec.code", "c.sector_code")
    .select((eb) => [
      "c.id",
      "c.item_number",
      "c.position",
      "c.sector_code",
      "c.text",
      "c.status",
      "c.progress",
      "c.weight",
      "c.deadline",
      "c.due_date",
      "c.awaiting_confirmation",
      eb
        .selectFrom("commitments as d")
        .select("d.id")
        .whereRef("d.carried_over_from_id", "=", "c.id")
        .where("d.session_id", "=", reportingAtId)
        .orderBy("d.id")
        .limit(1)
        .as("carried_over_as"),
    ])
    .where("c.session_id", "=", sessionId)
    .orderBy("sec.sort_order")
    .orderBy("c.position")
    .orderBy("c.id")
    .execute();
}

function listSideReports(db: Kysely<DB>, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("commitment_side_reports")
    .select(["commitment_id", "side", "status", "progress", "updated_at"])
    .where("commitment_id", "in", commitmentIds)
    .execute();
}

/** The newest status update of each commitment. */
function listLatestUpdates(db: Kysely<DB>, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("status_updates")
    .distinctOn("commitment_id")
    .select(["commitment_id", "text", "created_at", "author_name"])
    .where("commitment_id", "in", commitmentIds)
    .orderBy("commitment_id")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

function listSides(db: Kysely<DB>, commissionId: string) {
  return db
    .selectFrom("commission_sides")
    .select("country_code")
    .where("commission_id", "=", commissionId)
    .orderBy("country_code")
    .execute();
}

/** SQL only: everything the implementation report of one session's commitments shows. */
export async function loadReportRows(
  db: Kysely<DB>,
  reported: { id: string; commission_id: string },
  reportingAtId: string,
) {
  const [commitments, sides] = await Promise.all([
    listReportedCommitments(db, reported.id, reportingAtId),
    listSides(db, reported.commission_id),
  ]);
  const ids = commitments.map((c) => c.id);
  const [sideReports, latestUpdates, responsibles] = await Promise.all([
    listSideReports(db, ids),
    listLatestUpdates(db, ids),
    listResponsibleOrganizations(db, ids),
  ]);
  return { commitments, sides: sides.map((s) => s.country_code), sideReports, latestUpdates, responsibles };
}
export type ReportRows = Awaited<ReturnType<typeof loadReportRows>>;
