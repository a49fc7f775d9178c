import type { Dashboard } from "../../../shared/api/monitoring.ts";
import type { SectorCode } from "../../../shared/sectors.ts";
import { presentTally, toTenth } from "./commitment-tally.ts";
import type { DashboardRows, DueItemRow } from "./dashboard.repo.ts";
import { byCommitment, type ResponsibleOrganizationRow } from "./responsibles.repo.ts";

/** Done as a share of the items not dropped, in %. */
function implementationRate(done: number, total: number, dropped: number): number | null {
  const counted = total - dropped;
  return counted === 0 ? null : toTenth((done / counted) * 100);
}

function presentDueItem(row: DueItemRow, responsibles: Map<string, ResponsibleOrganizationRow[]>) {
  return {
    id: row.id,
    commissionId: row.commission_id,
    sessionId: row.session_id,
    sessionNumber: row.session_number,
    itemNumber: row.item_number,
    text: row.text,
    sector: row.sector_code as SectorCode,
    status: row.status,
    progress: row.progress,
    dueDate: row.due_date,
    responsible: (responsibles.get(row.id) ?? []).map((r) => ({
      organizationId: r.organization_id,
      name: r.name,
      side: r.side,
    })),
  };
}

/** Sessions in the order they were held (undated ones last), so the series reads as implementation over time. */
function implementationBySession(rows: DashboardRows): Dashboard["implementationBySession"] {
  const details = new Map(rows.sessionDetails.map((s) => [s.id, s]));
  return rows.sessions
    .flatMap((row) => {
      const session = details.get(row.key);
      if (!session) return [];
      return [
        {
          sessionId: session.id,
          commissionId: session.commission_id,
          number: session.number,
          startsOn: session.starts_on,
          total: row.total,
          done: row.done,
          rate: implementationRate(row.done, row.total, row.dropped),
          progress: toTenth(row.progress),
        },
      ];
    })
    .sort(
      (a, b) =>
        (a.startsOn ?? "9999").localeCompare(b.startsOn ?? "9999") ||
        a.commissionId.localeCompare(b.commissionId) ||
        a.number - b.number,
    );
}

export function presentDashboard(rows: DashboardRows, today: string): Dashboard {
  const responsibles = byCommitment(rows.responsibles);
  const countries = new Map(rows.countries.map((o) => [o.id, o.country_code]));
  return {
    asOf: today,
    totals: presentTally(rows.totals),
    implementationBySession: implementationBySession(rows),
    sectorStatusMatrix: rows.sectors.map((row) => ({
      sector: row.key as SectorCode,
      notStarted: row.not_started,
      inProgress: row.in_progress,
      done: row.done,
      dropped: row.dropped,
      late: row.late,
    })),
    late: rows.late.map((row) => ({ ...presentDueItem(row, responsibles), daysLate: row.days })),
    atRisk: rows.atRisk.map((row) => ({ ...presentDueItem(row, responsibles), daysLeft: row.days })),
    upcoming: rows.upcoming,
    scorecards: rows.scorecards.map((row) => ({
      organizationId: row.key,
      name: row.label,
      country: countries.get(row.key) ?? null,
      total: row.total,
      done: row.done,
      late: row.late,
      progress: toTenth(row.progress),
    })),
  };
}
