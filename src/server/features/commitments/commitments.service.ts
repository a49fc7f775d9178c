import type { Kysely } from "kysely";
import type {
  Commitment,
  CommitmentListQuery,
  CommitmentPage,
  CreateCommitmentInput,
  UpdateCommitmentInput,
} from "../../../shared/api/commitments.ts";
import { dueDateOf, isOverdue, todayIso } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import { notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { cursorPosition, toPage } from "../pagination.ts";
import {
  checkCarriedOver,
  checkFocalPoints,
  checkItemNumberFree,
  checkResponsibles,
  checkSide,
  linkColumns,
  sessionFor,
} from "./commitment-checks.ts";
import { createFollowersService } from "./commitment-followers.service.ts";
import { createStatusWorkflow } from "./commitment-status.service.ts";
import {
  type AssignedFocalPointRow,
  COMMITMENT_SORT_KEYS,
  type CommitmentRow,
  findCommitment,
  listAssignedFocalPoints,
  listCommitments,
  listResponsibles,
  listSideStates,
  lockCommitment,
  nextPosition,
  type ResponsibleRow,
  replaceFocalPointAssignments,
  replaceResponsibles,
  type SideStateRow,
  sortValuesOf,
  unassignFocalPointsOutsideResponsibles,
  updateCommitmentRow,
} from "./commitments.repo.ts";

/** What a commitment is shown with besides its own row, loaded for a whole page at once. */
type Related = { responsibles: ResponsibleRow[]; sides: SideStateRow[]; focalPoints: AssignedFocalPointRow[] };

async function loadRelated(db: Kysely<DB>, ids: string[]): Promise<Related> {
  const [responsibles, sides, focalPoints] = await Promise.all([
    listResponsibles(db, ids),
    listSideStates(db, ids),
    listAssignedFocalPoints(db, ids),
  ]);
  return { responsibles, sides, focalPoints };
}

const isoOrNull = (timestamp: string | null) => (timestamp === null ? null : new Date(timestamp).toISOString());

function present(row: CommitmentRow, related: Related, today: string): Commitment {
  const own = <T extends { commitment_id: string }>(rows: T[]) => rows.filter((r) => r.commitment_id === row.id);
  return {
    id: row.id,
    commissionId: row.commission_id,
    sessionId: row.session_id,
    sessionNumber: row.session_number,
    itemNumber: row.item_number,
    position: row.position,
    sector: row.sector_code as Commitment["sector"],
    text: row.text,
    deadline: row.deadline,
    dueDate: row.due_date,
    status: row.status,
    progress: row.progress,
    overdue: isOverdue(row.deadline, row.status, today),
    droppedReason: row.dropped_reason,
    responsible: own(related.responsibles).map((r) => ({
      organizationId: r.organization_id,
      name: r.name,
      side: r.side,
      lead: r.lead,
    })),
    programmeId: row.programme_id,
    measureId: row.measure_id,
    projectId: row.project_id,
    jointBodyId: row.joint_body_id,
    carriedOverFromId: row.carried_over_from_id,
    leadSide: row.lead_side,
    weight: row.weight,
    awaitingConfirmation: row.awaiting_confirmation,
    confirmedAt: isoOrNull(row.confirmed_at),
    confirmedBy: row.confirmed_by,
    sides: own(related.sides).map((s) => ({
      side: s.side,
      status: s.status,
      progress: s.progress,
      updatedAt: isoOrNull(s.updated_at),
    })),
    focalPoints: own(related.focalPoints).map((f) => ({
      id: f.id,
      name: f.name,
      email: f.email,
      organizationId: f.organization_id,
    })),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The organisations responsible after a write: the new list when it gives one, else the stored one. */
async function responsibleOrganizationIds(
  trx: Kysely<DB>,
  commitmentId: string,
  responsible: UpdateCommitmentInput["responsible"],
): Promise<string[]> {
  if (responsible) return responsible.map((r) => r.organizationId);
  return (await listResponsibles(trx, [commitmentId])).map((r) => r.organization_id);
}

export type CommitmentService = ReturnType<typeof createCommitmentService>;

export function createCommitmentService(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  const today = () => todayIso(clock());

  async function get(id: string): Promise<Commitment> {
    const row = await findCommitment(db, id);
    if (!row) throw notFound("commitment", id);
    return present(row, await loadRelated(db, [id]), today());
  }

  return {
    get,

    async list(query: CommitmentListQuery): Promise<CommitmentPage> {
      const { limit, cursor, sort, ...filter } = query;
      const after = cursorPosition(cursor, COMMITMENT_SORT_KEYS[sort]);
      const day = today();
      const rows = await listCommitments(db, filter, { sort, after, limit: limit + 1 }, day);
      const related = await loadRelated(
        db,
        rows.slice(0, limit).map((r) => r.id),
      );
      return toPage(
        rows,
        limit,
        (page) => page.map((r) => present(r, related, day)),
        (r) => sortValuesOf(r, sort),
      );
    },

    async create(input: CreateCommitmentInput, actor: Actor): Promise<Commitment> {
      const id = await db.transaction().execute(async (trx) => {
        const session = await sessionFor(trx, input.sessionId);
        await checkResponsibles(trx, session.commission_id, input.responsible);
        const focalPointIds = input.focalPointIds ?? [];
        await checkFocalPoints(
          trx,
          focalPointIds,
          input.responsible.map((r) => r.organizationId),
        );
        if (input.leadSide) await checkSide(trx, session.commission_id, input.leadSide, "leadSide");
        await checkItemNumberFree(trx, session.id, input.itemNumber, null);
        const deadline = input.deadline ?? null;
        const inserted = await trx
          .insertInto("commitments")
          .values({
            commission_id: session.commission_id,
            session_id: session.id,
            item_number: input.itemNumber ?? null,
            position: await nextPosition(trx, session.id),
            sector_code: input.sector,
            text: JSON.stringify(input.text),
            deadline,
            due_date: dueDateOf(deadline),
            lead_side: input.leadSide ?? null,
            weight: input.weight ?? null,
            ...(await linkColumns(trx, session.commission_id, input)),
            carried_over_from_id: await checkCarriedOver(trx, session.commission_id, input.carriedOverFromId ?? null),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await replaceResponsibles(trx, { id: inserted.id, commission_id: session.commission_id }, input.responsible);
        await replaceFocalPointAssignments(trx, inserted.id, focalPointIds);
        await recordAudit(trx, actor, {
          action: "commitment.create",
          entityType: "commitment",
          entityId: inserted.id,
          before: null,
          after: input,
        });
        return inserted.id;
      });
      return get(id);
    },

    async update(id: string, input: UpdateCommitmentInput, actor: Actor): Promise<Commitment> {
      await db.transaction().execute(async (trx) => {
        const current = await lockCommitment(trx, id);
        if (!current) throw notFound("commitment", id);
        if (current.version !== input.version) throw versionConflict("commitment", input.version, current.version);
        if (input.responsible) await checkResponsibles(trx, current.commission_id, input.responsible);
        if (input.focalPointIds) {
          const organizationIds = await responsibleOrganizationIds(trx, id, input.responsible);
          await checkFocalPoints(trx, input.focalPointIds, organizationIds);
        }
        if (input.leadSide) await checkSide(trx, current.commission_id, input.leadSide, "leadSide");
        await checkItemNumberFree(trx, current.session_id, input.itemNumber, id);
        const deadline = input.deadline === undefined ? current.deadline : input.deadline;
        await updateCommitmentRow(trx, id, {
          ...(input.sector ? { sector_code: input.sector } : {}),
          ...(input.text ? { text: JSON.stringify(input.text) } : {}),
          ...(input.itemNumber !== undefined ? { item_number: input.itemNumber } : {}),
          ...(input.leadSide !== undefined ? { lead_side: input.leadSide } : {}),
          ...(input.weight !== undefined ? { weight: input.weight } : {}),
          ...(await linkColumns(trx, current.commission_id, input)),
          deadline,
          due_date: dueDateOf(deadline),
          version: current.version + 1,
        });
        if (input.focalPointIds) await replaceFocalPointAssignments(trx, id, input.focalPointIds);
        if (input.responsible) {
          await replaceResponsibles(trx, current, input.responsible);
          await unassignFocalPointsOutsideResponsibles(trx, id);
        }
        const { version: _sentVersion, ...changes } = input;
        await recordAudit(trx, actor, {
          action: "commitment.update",
          entityType: "commitment",
          entityId: id,
          before: {
            version: current.version,
            sector: current.sector_code,
            text: current.text,
            deadline: current.deadline,
            leadSide: current.lead_side,
            weight: current.weight,
          },
          after: changes,
        });
      });
      return get(id);
    },

    ...createStatusWorkflow(db, get),
    ...createFollowersService(db),
  };
}
