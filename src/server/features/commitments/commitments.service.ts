import { type Kysely, sql } from "kysely";
import type {
  Commitment,
  CommitmentListQuery,
  CommitmentPage,
  CreateCommitmentInput,
  CreateStatusUpdateInput,
  StatusUpdate,
  StatusUpdateResult,
  UpdateCommitmentInput,
} from "../../../shared/api/commitments.ts";
import { type CommitmentStatus, dueDateOf, isOverdue, todayIso } from "../../../shared/deadline.ts";
import { applyStatusChange } from "../../../shared/progress.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { cursorPosition, toPage } from "../pagination.ts";
import {
  COMMITMENT_SORT_KEYS,
  type CommitmentRow,
  findCommitment,
  listCommitments,
  listResponsibles,
  listStatusUpdates,
  lockCommitment,
  nextPosition,
  type ResponsibleRow,
  replaceResponsibles,
  type StatusUpdateRow,
  sortValuesOf,
} from "./commitments.repo.ts";

function present(row: CommitmentRow, responsibles: ResponsibleRow[], today: string): Commitment {
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
    responsible: responsibles
      .filter((r) => r.commitment_id === row.id)
      .map((r) => ({ organizationId: r.organization_id, name: r.name, side: r.side, lead: r.lead })),
    programmeId: row.programme_id,
    measureId: row.measure_id,
    projectId: row.project_id,
    jointBodyId: row.joint_body_id,
    carriedOverFromId: row.carried_over_from_id,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function presentUpdate(row: StatusUpdateRow): StatusUpdate {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    side: row.side,
    authorName: row.author_name,
    status: row.status,
    progress: row.progress,
    previousStatus: row.previous_status,
    previousProgress: row.previous_progress,
    text: row.text,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function presentOne(db: Kysely<DB>, row: CommitmentRow, today: string): Promise<Commitment> {
  return present(row, await listResponsibles(db, [row.id]), today);
}

/** Checks the session exists and the responsible organisations' sides belong to its commission. */
async function sessionFor(trx: Kysely<DB>, sessionId: string) {
  const session = await trx
    .selectFrom("sessions")
    .select(["id", "commission_id"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
  if (!session)
    throw new AppError("validation_failed", `sessionId: no session with id ${sessionId}.`, { path: "sessionId" });
  return session;
}

async function checkResponsibles(
  trx: Kysely<DB>,
  commissionId: string,
  responsible: { organizationId: string; side: string }[],
): Promise<void> {
  if (responsible.length === 0) return;
  const sides = await trx
    .selectFrom("commission_sides")
    .select("country_code")
    .where("commission_id", "=", commissionId)
    .execute();
  const sideCodes = new Set(sides.map((s) => s.country_code));
  const orgIds = [...new Set(responsible.map((r) => r.organizationId))];
  if (orgIds.length !== responsible.length) {
    throw new AppError("validation_failed", "responsible: an organisation is listed twice.", { path: "responsible" });
  }
  const found = await trx.selectFrom("organizations").select("id").where("id", "in", orgIds).execute();
  const foundIds = new Set(found.map((o) => o.id));
  responsible.forEach((r, i) => {
    if (!sideCodes.has(r.side)) {
      throw new AppError(
        "validation_failed",
        `responsible.${i}.side: ${r.side} is not a side of this commission (${[...sideCodes].join(", ")}).`,
        { path: `responsible.${i}.side` },
      );
    }
    if (!foundIds.has(r.organizationId)) {
      throw new AppError(
        "validation_failed",
        `responsible.${i}.organizationId: no organisation with id ${r.organizationId}.`,
        {
          path: `responsible.${i}.organizationId`,
        },
      );
    }
  });
}

export type CommitmentService = ReturnType<typeof createCommitmentService>;

export function createCommitmentService(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  const today = () => todayIso(clock());

  async function get(id: string): Promise<Commitment> {
    const row = await findCommitment(db, id);
    if (!row) throw notFound("commitment", id);
    return presentOne(db, row, today());
  }

  return {
    get,

    async list(query: CommitmentListQuery): Promise<CommitmentPage> {
      const { limit, cursor, sort, ...filter } = query;
      const after = cursorPosition(cursor, COMMITMENT_SORT_KEYS[sort]);
      const day = today();
      const rows = await listCommitments(db, filter, { sort, after, limit: limit + 1 }, day);
      const responsibles = await listResponsibles(
        db,
        rows.slice(0, limit).map((r) => r.id),
      );
      return toPage(
        rows,
        limit,
        (page) => page.map((r) => present(r, responsibles, day)),
        (r) => sortValuesOf(r, sort),
      );
    },

    async create(input: CreateCommitmentInput, actor: Actor): Promise<Commitment> {
      const id = await db.transaction().execute(async (trx) => {
        const session = await sessionFor(trx, input.sessionId);
        await checkResponsibles(trx, session.commission_id, input.responsible);
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
            ...(await linkColumns(trx, session.commission_id, input)),
            carried_over_from_id: await checkCarriedOver(trx, session.commission_id, input.carriedOverFromId ?? null),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await replaceResponsibles(trx, { id: inserted.id, commission_id: session.commission_id }, input.responsible);
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
        const deadline = input.deadline === undefined ? current.deadline : input.deadline;
        await trx
          .updateTable("commitments")
          .set({
            ...(input.sector ? { sector_code: input.sector } : {}),
            ...(input.text ? { text: JSON.stringify(input.text) } : {}),
            ...(input.itemNumber !== undefined ? { item_number: input.itemNumber } : {}),
            ...(await linkColumns(trx, current.commission_id, input)),
            deadline,
            due_date: dueDateOf(deadline),
            version: current.version + 1,
            updated_at: sql<string>`now()`,
          })
          .where("id", "=", id)
          .execute();
        if (input.responsible) await replaceResponsibles(trx, current, input.responsible);
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
          },
          after: changes,
        });
      });
      return get(id);
    },

    async listUpdates(id: string): Promise<StatusUpdate[]> {
      const row = await findCommitment(db, id);
      if (!row) throw notFound("commitment", id);
      return (await listStatusUpdates(db, id)).map(presentUpdate);
    },

    async postUpdate(id: string, input: CreateStatusUpdateInput, actor: Actor): Promise<StatusUpdateResult> {
      const updateRow = await db.transaction().execute(async (trx) => {
        const current = await lockCommitment(trx, id);
        if (!current) throw notFound("commitment", id);
        if (input.version !== undefined && current.version !== input.version) {
          throw versionConflict("commitment", input.version, current.version);
        }
        if (input.side) await checkSide(trx, current.commission_id, input.side);
        const change = applyStatusChange(current, { status: input.status, progress: input.progress });
        if (!change.ok) {
          throw new AppError("validation_failed", `${change.field}: ${change.message}`, { path: change.field });
        }
        const status: CommitmentStatus = change.status;
        await trx
          .updateTable("commitments")
          .set({
            status,
            progress: change.progress,
            // A dropped item keeps the reason it was dropped for: the text of the update that dropped it.
            dropped_reason:
              status === "dropped" ? (current.status === "dropped" ? current.dropped_reason : input.text) : null,
            version: current.version + 1,
            updated_at: sql<string>`now()`,
          })
          .where("id", "=", id)
          .execute();
        const update = await trx
          .insertInto("status_updates")
          .values({
            commitment_id: id,
            side: input.side ?? null,
            author_name: input.authorName ?? actor.name,
            previous_status: current.status,
            status,
            previous_progress: current.progress,
            progress: change.progress,
            text: input.text,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: "commitment.status_update",
          entityType: "commitment",
          entityId: id,
          before: { status: current.status, progress: current.progress, version: current.version },
          after: { status, progress: change.progress, version: current.version + 1, updateId: update.id },
        });
        return update;
      });
      return { update: presentUpdate(updateRow), commitment: await get(id) };
    },
  };
}

type Links = Pick<CreateCommitmentInput, "programmeId" | "measureId" | "projectId" | "jointBodyId">;
const LINK_TABLES = {
  programmeId: { column: "programme_id", table: "programmes", label: "programme" },
  measureId: { column: "measure_id", table: "programme_measures", label: "programme measure" },
  projectId: { column: "project_id", table: "projects", label: "project" },
  jointBodyId: { column: "joint_body_id", table: "joint_bodies", label: "joint body" },
} as const;

/**
 * The link columns a write sets: only the links the input names (undefined leaves one as it is, null clears it),
 * each checked to belong to the same commission.
 */
async function linkColumns(trx: Kysely<DB>, commissionId: string, input: Links) {
  const columns: Partial<Record<(typeof LINK_TABLES)[keyof Links]["column"], string | null>> = {};
  for (const field of Object.keys(LINK_TABLES) as (keyof Links)[]) {
    const id = input[field];
    if (id === undefined) continue;
    const { column, label } = LINK_TABLES[field];
    if (id !== null && !(await belongsToCommission(trx, field, id, commissionId))) {
      throw new AppError("validation_failed", `${field}: no ${label} ${id} in this commission.`, { path: field });
    }
    columns[column] = id;
  }
  return columns;
}

async function belongsToCommission(trx: Kysely<DB>, field: keyof Links, id: string, commissionId: string) {
  const found =
    field === "measureId"
      ? await trx
          .selectFrom("programme_measures as m")
          .innerJoin("programmes as p", "p.id", "m.programme_id")
          .select("m.id")
          .where("m.id", "=", id)
          .where("p.commission_id", "=", commissionId)
          .executeTakeFirst()
      : await trx
          .selectFrom(LINK_TABLES[field].table)
          .select("id")
          .where("id", "=", id)
          .where("commission_id", "=", commissionId)
          .executeTakeFirst();
  return found !== undefined;
}

/** A carried-over item continues one of the same commission's earlier items. */
async function checkCarriedOver(trx: Kysely<DB>, commissionId: string, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const found = await trx
    .selectFrom("commitments")
    .select("id")
    .where("id", "=", id)
    .where("commission_id", "=", commissionId)
    .executeTakeFirst();
  if (!found) throw new AppError("validation_failed", `carriedOverFromId: no commitment ${id} in this commission.`);
  return id;
}

async function checkSide(trx: Kysely<DB>, commissionId: string, side: string): Promise<void> {
  const found = await trx
    .selectFrom("commission_sides")
    .select("country_code")
    .where("commission_id", "=", commissionId)
    .where("country_code", "=", side)
    .executeTakeFirst();
  if (!found)
    throw new AppError("validation_failed", `side: ${side} is not a side of this commission.`, { path: "side" });
}
