import type { Kysely } from "kysely";
import type { Dashboard, DashboardQuery, RollupList, RollupQuery } from "../../../shared/api/monitoring.ts";
import { todayIso } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import { presentTally } from "./commitment-tally.ts";
import { presentDashboard } from "./dashboard.present.ts";
import { loadDashboardRows } from "./dashboard.repo.ts";
import { loadRollup } from "./rollups.repo.ts";

export type MonitoringService = ReturnType<typeof createMonitoringService>;

/** Roll-ups and dashboards: read-only figures over the commitments, late as of the clock's day. */
export function createMonitoringService(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  const today = () => todayIso(clock());
  return {
    async rollups(query: RollupQuery): Promise<RollupList> {
      const { groupBy, ...filter } = query;
      const rows = await loadRollup(db, groupBy, filter, today());
      return { items: rows.map((row) => ({ key: row.key, label: row.label, ...presentTally(row) })) };
    },

    async dashboard(query: DashboardQuery): Promise<Dashboard> {
      const day = today();
      return presentDashboard(await loadDashboardRows(db, query, day), day);
    },
  };
}
