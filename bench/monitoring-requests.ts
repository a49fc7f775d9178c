import type { Kysely } from "kysely";
import type { DB } from "../src/server/db/schema.ts";
import { findPreviousSession, findSession, listProposals } from "../src/server/features/carry-over/carry-over.repo.ts";
import { loadReportRows } from "../src/server/features/carry-over/implementation-report.repo.ts";
import { loadDashboardRows } from "../src/server/features/monitoring/dashboard.repo.ts";
import { loadRollup } from "../src/server/features/monitoring/rollups.repo.ts";
import { ROLLUP_GROUPS, type RollupFilter } from "../src/shared/api/monitoring.ts";
import type { RequestTargets } from "./list-requests.ts";

/**
 * A monitoring request as the web app sends it, with the SQL the service runs for it (the repository functions,
 * without presenting the rows or writing JSON).
 */
export type MonitoringRequest = { label: string; path: string; sql: () => Promise<unknown> };

/**
 * Roll-ups of the whole portfolio by every grouping and of one commission, dashboards of the portfolio, of one
 * sector across it and of one commission, and the N → N+1 reads of that commission's latest session.
 */
export async function monitoringRequests(
  db: Kysely<DB>,
  targets: RequestTargets,
  today: string,
): Promise<MonitoringRequest[]> {
  const rollup = (groupBy: (typeof ROLLUP_GROUPS)[number], filter: RollupFilter, label: string) => ({
    label: `rollups groupBy=${groupBy}${label}`,
    path: `/api/rollups?${new URLSearchParams({ groupBy, ...filter })}`,
    sql: () => loadRollup(db, groupBy, filter, today),
  });
  const dashboard = (filter: RollupFilter, label: string) => ({
    label: `dashboard${label}`,
    path: `/api/dashboard?${new URLSearchParams(filter)}`,
    sql: () => loadDashboardRows(db, filter, today),
  });
  const session = await findSession(db, targets.sessionId);
  const previous = session && (await findPreviousSession(db, session));
  if (!session || !previous) throw new Error("The generated commission has no two sessions to report on.");
  const commission = { commissionId: targets.commissionId };
  return [
    ...ROLLUP_GROUPS.map((groupBy) => rollup(groupBy, {}, " (portfolio)")),
    rollup("organization", commission, "&commissionId=X"),
    dashboard({}, " (portfolio)"),
    dashboard({ sector: "energy" }, " sector=energy (portfolio)"),
    dashboard(commission, " commissionId=X"),
    {
      label: "implementation report at Y",
      path: `/api/sessions/${session.id}/implementation-report`,
      sql: () => loadReportRows(db, previous, session.id),
    },
    {
      label: "carry-over proposals at Y",
      path: `/api/sessions/${session.id}/carry-over`,
      sql: () => listProposals(db, session),
    },
  ];
}
