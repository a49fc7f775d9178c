import type { Kysely } from "kysely";
import type {
  CarryOverDecision,
  CarryOverProposal,
  CarryOverProposalList,
  CarryOverResult,
  ImplementationReport,
} from "../../../shared/api/monitoring.ts";
import { isOverdue, todayIso } from "../../../shared/deadline.ts";
import { applyStatusChange } from "../../../shared/progress.ts";
import type { SectorCode } from "../../../shared/sectors.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import {
  byCommitment,
  listResponsibleOrganizations,
  type ResponsibleOrganizationRow,
} from "../monitoring/responsibles.repo.ts";
import {
  type CandidateRow,
  copyAssignments,
  dropCommitment,
  findPreviousSession,
  findSession,
  insertContinuations,
  listProposals,
  lockCandidates,
  lockSession,
  type SessionRow,
} from "./carry-over.repo.ts";
import { checkDecision } from "./decision-checks.ts";
import { loadReportRows } from "./implementation-report.repo.ts";
import { presentReport } from "./implementation-report.ts";

function presentProposal(
  row: CandidateRow,
  responsibles: ResponsibleOrganizationRow[],
  today: string,
): CarryOverProposal {
  return {
    id: row.id,
    sessionId: row.session_id,
    sessionNumber: row.session_number,
    itemNumber: row.item_number,
    sector: row.sector_code as SectorCode,
    text: row.text,
    status: row.status,
    progress: row.progress,
    deadline: row.deadline,
    dueDate: row.due_date,
    late: isOverdue(row.deadline, row.status, today),
    responsible: responsibles.map((r) => ({
      organizationId: r.organization_id,
      name: r.name,
      side: r.side,
      lead: r.lead,
    })),
  };
}

/** Continues each original in `session`, with its responsible organisations and focal points; audited. */
async function carryOver(trx: Kysely<DB>, session: SessionRow, originalIds: string[], actor: Actor) {
  const carried = await insertContinuations(trx, session, originalIds);
  await copyAssignments(
    trx,
    carried.map((c) => c.id),
  );
  for (const continuation of carried) {
    await recordAudit(trx, actor, {
      action: "commitment.carry_over",
      entityType: "commitment",
      entityId: continuation.id,
      before: null,
      after: { sessionId: session.id, carriedOverFromId: continuation.carried_over_from_id },
    });
  }
  return carried;
}

/** Drops each item with its reason as the update that records it; audited. */
async function dropWithReasons(
  trx: Kysely<DB>,
  session: SessionRow,
  drops: { current: CandidateRow; reason: string }[],
  actor: Actor,
): Promise<void> {
  for (const { current, reason } of drops) {
    const change = applyStatusChange(current, { status: "dropped" });
    if (!change.ok) throw new AppError("validation_failed", `${change.field}: ${change.message}`);
    const updateId = await dropCommitment(trx, current, { progress: change.progress, reason, authorName: actor.name });
    await recordAudit(trx, actor, {
      action: "commitment.drop",
      entityType: "commitment",
      entityId: current.id,
      before: { status: current.status, progress: current.progress, version: current.version },
      after: { status: "dropped", reason, version: current.version + 1, updateId, atSessionId: session.id },
    });
  }
}

export type CarryOverService = ReturnType<typeof createCarryOverService>;

/** The N → N+1 loop: what is unfinished is proposed for the next session, carried over with a link, or dropped. */
export function createCarryOverService(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  const today = () => todayIso(clock());

  async function existingSession(id: string): Promise<SessionRow> {
    const session = await findSession(db, id);
    if (!session) throw notFound("session", id);
    return session;
  }

  /** The session reported on at `reportingAt`: the one asked for (`of`), else the one before it. */
  async function reportedSession(reportingAt: SessionRow, of: string | undefined): Promise<SessionRow> {
    if (of === undefined) {
      const previous = await findPreviousSession(db, reportingAt);
      if (!previous) {
        throw new AppError(
          "not_found",
          `Session ${reportingAt.number} is the commission's first: there is no earlier session to report on.`,
          { entity: "session", id: reportingAt.id },
        );
      }
      return previous;
    }
    const session = await findSession(db, of);
    if (!session || session.commission_id !== reportingAt.commission_id || session.number >= reportingAt.number) {
      throw new AppError(
        "validation_failed",
        `of: must be a session of the same commission before session ${reportingAt.number}.`,
        { location: "query", issues: [{ path: "of", message: "must be an earlier session of the same commission" }] },
      );
    }
    return session;
  }

  return {
    async proposals(sessionId: string): Promise<CarryOverProposalList> {
      const session = await existingSession(sessionId);
      const rows = await listProposals(db, session);
      const responsibles = byCommitment(
        await listResponsibleOrganizations(
          db,
          rows.map((r) => r.id),
        ),
      );
      const day = today();
      return { sessionId, items: rows.map((row) => presentProposal(row, responsibles.get(row.id) ?? [], day)) };
    },

    async decide(sessionId: string, decision: CarryOverDecision, actor: Actor): Promise<CarryOverResult> {
      return db.transaction().execute(async (trx) => {
        const session = await lockSession(trx, sessionId);
        if (!session) throw notFound("session", sessionId);
        const named = [...decision.accept, ...decision.drop.map((d) => d.commitmentId)];
        const found = new Map((await lockCandidates(trx, session, named)).map((row) => [row.id, row]));
        const drops = checkDecision(decision, session, found);

        const carried = await carryOver(trx, session, decision.accept, actor);
        await dropWithReasons(trx, session, drops, actor);
        return {
          carried: carried.map((c) => ({ id: c.id, carriedOverFromId: c.carried_over_from_id })),
          dropped: decision.drop.map((d) => d.commitmentId),
        };
      });
    },

    async implementationReport(sessionId: string, query: { of?: string }): Promise<ImplementationReport> {
      const reportingAt = await existingSession(sessionId);
      const reported = await reportedSession(reportingAt, query.of);
      const rows = await loadReportRows(db, reported, reportingAt.id);
      return presentReport(rows, { reportingAt, reported }, today());
    },
  };
}
