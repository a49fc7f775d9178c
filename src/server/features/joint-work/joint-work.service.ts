import { type Kysely, sql } from "kysely";
import type {
  CreateJointBodyInput,
  CreateProjectInput,
  JointBody,
  ParticipantsInput,
  Project,
  UpdateJointBodyInput,
  UpdateProjectInput,
} from "../../../shared/api/joint-work.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { checkReferences } from "../references.ts";

/** Joint bodies and joint projects share their participants (organisations per side) and their commitments. */
type Owner = {
  column: "joint_body_id" | "project_id";
  entity: "joint body" | "project";
  audit: "joint_body" | "project";
};
const BODY: Owner = { column: "joint_body_id", entity: "joint body", audit: "joint_body" };
const PROJECT: Owner = { column: "project_id", entity: "project", audit: "project" };
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

async function participantsOf(db: Kysely<DB>, owner: Owner, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("participations as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select(["p.joint_body_id", "p.project_id", "p.organization_id", "o.name", "p.side", "p.role"])
    .where(`p.${owner.column}`, "in", ids)
    .orderBy("p.side")
    .execute();
}

async function commitmentCounts(db: Kysely<DB>, owner: Owner, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("commitments")
    .select([`${owner.column} as owner_id`, sql<number>`count(*)::int`.as("n")])
    .where(owner.column, "in", ids)
    .groupBy(owner.column)
    .execute();
  return new Map(rows.map((r) => [r.owner_id as string, r.n]));
}

/** Participants and commitment counts for a page of rows of either kind. */
async function relationsOf(db: Kysely<DB>, owner: Owner, ids: string[]) {
  const [participants, counts] = await Promise.all([participantsOf(db, owner, ids), commitmentCounts(db, owner, ids)]);
  return (id: string) => ({
    participants: participants
      .filter((p) => p[owner.column] === id)
      .map((p) => ({ organization: { id: p.organization_id, name: p.name }, side: p.side, role: p.role })),
    commitmentCount: counts.get(id) ?? 0,
  });
}

async function replaceParticipants(
  trx: Kysely<DB>,
  owner: Owner,
  ownerId: string,
  commissionId: string,
  participants: ParticipantsInput,
) {
  const sides = await trx
    .selectFrom("commission_sides")
    .select("country_code")
    .where("commission_id", "=", commissionId)
    .execute();
  participants.forEach((p, i) => {
    if (p.side && !sides.some((s) => s.country_code === p.side)) {
      throw new AppError("validation_failed", `participants.${i}.side: ${p.side} is not a side of this commission.`);
    }
  });
  await checkReferences(
    trx,
    "organizations",
    participants.map((p, i) => ({ field: `participants.${i}.organizationId`, id: p.organizationId })),
  );
  await trx.deleteFrom("participations").where(owner.column, "=", ownerId).execute();
  if (participants.length === 0) return;
  await trx
    .insertInto("participations")
    .values(
      participants.map((p) => ({
        joint_body_id: owner === BODY ? ownerId : null,
        project_id: owner === PROJECT ? ownerId : null,
        organization_id: p.organizationId,
        side: p.side ?? null,
        role: p.role ?? null,
      })),
    )
    .execute();
}

function checkAmount(amount: number | null, currency: string | null, field: "capital" | "value") {
  if (amount !== null && !currency) throw new AppError("validation_failed", `currency: is required with a ${field}.`);
}

async function ensureCommission(trx: Kysely<DB>, commissionId: string) {
  const row = await trx.selectFrom("commissions").select("id").where("id", "=", commissionId).executeTakeFirst();
  if (!row) throw notFound("commission", commissionId);
}

export type JointWorkService = ReturnType<typeof createJointWorkService>;

export function createJointWorkService(db: Kysely<DB>) {
  async function listBodies(commissionId: string, id?: string): Promise<JointBody[]> {
    const rows = await db
      .selectFrom("joint_bodies")
      .selectAll()
      .where("commission_id", "=", commissionId)
      .$if(id !== undefined, (q) => q.where("id", "=", id as string))
      .orderBy("created_at")
      .execute();
    const related = await relationsOf(
      db,
      BODY,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      commissionId: r.commission_id,
      kind: r.kind as JointBody["kind"],
      name: r.name,
      sector: r.sector_code,
      status: r.status as JointBody["status"],
      establishedOn: r.established_on,
      capital: r.capital,
      currency: r.currency,
      version: r.version,
      ...related(r.id),
    }));
  }

  async function listProjects(commissionId: string, id?: string): Promise<Project[]> {
    const rows = await db
      .selectFrom("projects")
      .selectAll()
      .where("commission_id", "=", commissionId)
      .$if(id !== undefined, (q) => q.where("id", "=", id as string))
      .orderBy("created_at")
      .execute();
    const related = await relationsOf(
      db,
      PROJECT,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      commissionId: r.commission_id,
      name: r.name,
      sector: r.sector_code,
      status: r.status as Project["status"],
      location: r.location,
      value: r.value,
      currency: r.currency,
      version: r.version,
      ...related(r.id),
    }));
  }

  async function getOne<T>(
    table: "joint_bodies" | "projects",
    id: string,
    list: (c: string, id: string) => Promise<T[]>,
  ) {
    const row = await db.selectFrom(table).select("commission_id").where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound(table === "joint_bodies" ? "joint body" : "project", id);
    const [item] = await list(row.commission_id, id);
    return item as T;
  }

  async function lock(trx: Kysely<DB>, table: "joint_bodies" | "projects", id: string, version: number) {
    const entity = table === "joint_bodies" ? "joint body" : "project";
    const current = await trx.selectFrom(table).selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!current) throw notFound(entity, id);
    if (current.version !== version) throw versionConflict(entity, version, current.version);
    return current;
  }

  /** A new body or project: its row, its participants and its audit event, in one transaction. */
  function createOwned(
    owner: Owner,
    commissionId: string,
    input: { participants: ParticipantsInput },
    actor: Actor,
    insertRow: (trx: Kysely<DB>) => Promise<string>,
  ): Promise<string> {
    return db.transaction().execute(async (trx) => {
      await ensureCommission(trx, commissionId);
      const id = await insertRow(trx);
      await replaceParticipants(trx, owner, id, commissionId, input.participants);
      await recordAudit(trx, actor, {
        action: `${owner.audit}.create`,
        entityType: owner.audit,
        entityId: id,
        before: null,
        after: input,
      });
      return id;
    });
  }

  /** A change to a body or project: `changeRow` locks and updates the row and answers it as it was before. */
  async function updateOwned(
    owner: Owner,
    id: string,
    input: { version: number; participants?: ParticipantsInput | undefined },
    actor: Actor,
    changeRow: (trx: Kysely<DB>) => Promise<{ commission_id: string }>,
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const before = await changeRow(trx);
      if (input.participants) await replaceParticipants(trx, owner, id, before.commission_id, input.participants);
      const { version: _version, ...changes } = input;
      await recordAudit(trx, actor, {
        action: `${owner.audit}.update`,
        entityType: owner.audit,
        entityId: id,
        before,
        after: changes,
      });
    });
  }

  return {
    async listBodies(commissionId: string) {
      await ensureCommission(db, commissionId);
      return listBodies(commissionId);
    },

    async listProjects(commissionId: string) {
      await ensureCommission(db, commissionId);
      return listProjects(commissionId);
    },

    async createBody(commissionId: string, input: CreateJointBodyInput, actor: Actor): Promise<JointBody> {
      const id = await createOwned(BODY, commissionId, input, actor, async (trx) => {
        const row = await trx
          .insertInto("joint_bodies")
          .values({
            commission_id: commissionId,
            kind: input.kind,
            name: JSON.stringify(input.name),
            sector_code: input.sector ?? null,
            status: input.status,
            established_on: input.establishedOn ?? null,
            capital: input.capital ?? null,
            currency: input.currency ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        return row.id;
      });
      return getOne("joint_bodies", id, listBodies);
    },

    async updateBody(id: string, input: UpdateJointBodyInput, actor: Actor): Promise<JointBody> {
      await updateOwned(BODY, id, input, actor, async (trx) => {
        const current = await lock(trx, "joint_bodies", id, input.version);
        const capital = input.capital === undefined ? current.capital : input.capital;
        const currency = input.currency === undefined ? current.currency : input.currency;
        checkAmount(capital, currency, "capital");
        await trx
          .updateTable("joint_bodies")
          .set({
            kind: input.kind ?? current.kind,
            name: json(input.name ?? current.name) as string,
            sector_code: input.sector === undefined ? current.sector_code : input.sector,
            status: input.status ?? current.status,
            established_on: input.establishedOn === undefined ? current.established_on : input.establishedOn,
            capital,
            currency,
            version: current.version + 1,
          })
          .where("id", "=", id)
          .execute();
        return current;
      });
      return getOne("joint_bodies", id, listBodies);
    },

    async createProject(commissionId: string, input: CreateProjectInput, actor: Actor): Promise<Project> {
      const id = await createOwned(PROJECT, commissionId, input, actor, async (trx) => {
        const row = await trx
          .insertInto("projects")
          .values({
            commission_id: commissionId,
            name: JSON.stringify(input.name),
            sector_code: input.sector ?? null,
            status: input.status,
            location: json(input.location),
            value: input.value ?? null,
            currency: input.currency ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        return row.id;
      });
      return getOne("projects", id, listProjects);
    },

    async updateProject(id: string, input: UpdateProjectInput, actor: Actor): Promise<Project> {
      await updateOwned(PROJECT, id, input, actor, async (trx) => {
        const current = await lock(trx, "projects", id, input.version);
        const value = input.value === undefined ? current.value : input.value;
        const currency = input.currency === undefined ? current.currency : input.currency;
        checkAmount(value, currency, "value");
        await trx
          .updateTable("projects")
          .set({
            name: json(input.name ?? current.name) as string,
            sector_code: input.sector === undefined ? current.sector_code : input.sector,
            status: input.status ?? current.status,
            location: input.location === undefined ? json(current.location) : json(input.location),
            value,
            currency,
            version: current.version + 1,
          })
          .where("id", "=", id)
          .execute();
        return current;
      });
      return getOne("projects", id, listProjects);
    },
  };
}
