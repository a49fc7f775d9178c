import type { ImplementationReport, ReportItem, ReportTally } from "../../../shared/api/monitoring.ts";
import { isOverdue } from "../../../shared/deadline.ts";
import { rollUpProgress } from "../../../shared/rollup.ts";
import type { SectorCode } from "../../../shared/sectors.ts";
import { byCommitment } from "../monitoring/responsibles.repo.ts";
import type { SessionRow } from "./carry-over.repo.ts";
import type { ReportRows } from "./implementation-report.repo.ts";

type ReportedItem = ReportItem & { sector: SectorCode; weight: number | null };

function tally(items: readonly ReportedItem[]): ReportTally {
  const withStatus = (status: ReportItem["status"]) => items.filter((i) => i.status === status).length;
  return {
    total: items.length,
    notStarted: withStatus("not_started"),
    inProgress: withStatus("in_progress"),
    done: withStatus("done"),
    dropped: withStatus("dropped"),
    late: items.filter((i) => i.late).length,
    awaitingConfirmation: items.filter((i) => i.awaitingConfirmation).length,
    carriedOver: items.filter((i) => i.carriedOverAs !== null).length,
    progress: rollUpProgress(
      items.map((i) => ({ progress: i.progress, weight: i.weight, dropped: i.status === "dropped" })),
    ),
  };
}

function reportItems(rows: ReportRows, today: string): ReportedItem[] {
  const sideReports = byCommitment(rows.sideReports);
  const responsibles = byCommitment(rows.responsibles);
  const latestUpdates = new Map(rows.latestUpdates.map((u) => [u.commitment_id, u]));
  return rows.commitments.map((c) => {
    const latest = latestUpdates.get(c.id);
    return {
      id: c.id,
      sector: c.sector_code as SectorCode,
      itemNumber: c.item_number,
      position: c.position,
      text: c.text,
      status: c.status,
      progress: c.progress,
      weight: c.weight,
      deadline: c.deadline,
      dueDate: c.due_date,
      late: isOverdue(c.deadline, c.status, today),
      awaitingConfirmation: c.awaiting_confirmation,
      sides: rows.sides.map((side) => {
        const report = sideReports.get(c.id)?.find((r) => r.side === side);
        return {
          side,
          status: report?.status ?? null,
          progress: report?.progress ?? null,
          reportedAt: report ? new Date(report.updated_at).toISOString() : null,
          responsible: (responsibles.get(c.id) ?? [])
            .filter((r) => r.side === side)
            .map((r) => ({ organizationId: r.organization_id, name: r.name, lead: r.lead })),
        };
      }),
      latestUpdate: latest
        ? { text: latest.text, date: new Date(latest.created_at).toISOString(), author: latest.author_name }
        : null,
      carriedOverAs: c.carried_over_as,
    };
  });
}

const presentSession = (s: SessionRow) => ({ id: s.id, number: s.number, startsOn: s.starts_on });

/** The report by sector (in the sectors' order, items in protocol order) with totals per sector and overall. */
export function presentReport(
  rows: ReportRows,
  sessions: { reportingAt: SessionRow; reported: SessionRow },
  today: string,
): ImplementationReport {
  const items = reportItems(rows, today);
  const sectors = [...new Set(items.map((i) => i.sector))].map((sector) => {
    const inSector = items.filter((i) => i.sector === sector);
    return {
      sector,
      items: inSector.map(({ sector: _sector, weight: _weight, ...item }) => item),
      totals: tally(inSector),
    };
  });
  return {
    session: presentSession(sessions.reportingAt),
    of: presentSession(sessions.reported),
    asOf: today,
    sectors,
    totals: tally(items),
  };
}
