import type { Kysely } from "kysely";
import type {
  CreateFocalPointInput,
  FocalPoint,
  FocalPointList,
  UpdateFocalPointInput,
} from "../../../shared/api/focal-points.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import {
  type FocalPointRow,
  findFocalPoint,
  findFocalPointWithEmail,
  insertFocalPoint,
  listFocalPointsByEmail,
  listFocalPointsOfOrganization,
  lockFocalPoint,
  updateFocalPoint,
} from "./focal-points.repo.ts";

function present(row: FocalPointRow): FocalPoint {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    personId: row.person_id,
    name: row.name,
    email: row.email,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function checkOrganizationExists(db: Kysely<DB>, id: string): Promise<void> {
  const found = await db.selectFrom("organizations").select("id").where("id", "=", id).executeTakeFirst();
  if (!found) throw notFound("organisation", id);
}

async function checkPersonExists(trx: Kysely<DB>, id: string): Promise<void> {
  const found = await trx.selectFrom("people").select("id").where("id", "=", id).executeTakeFirst();
  if (!found) throw new AppError("validation_failed", `personId: no person with id ${id}.`, { path: "personId" });
}

/** One organisation has one focal point per address, so that a reminder never reaches a person twice. */
async function checkEmailFree(trx: Kysely<DB>, organizationId: string, email: string, exceptId: string | null) {
  if (await findFocalPointWithEmail(trx, organizationId, email, exceptId)) {
    throw new AppError("conflict", `email: this organisation already has a focal point with ${email}.`, {
      path: "email",
    });
  }
}

export type FocalPointService = ReturnType<typeof createFocalPointService>;

export function createFocalPointService(db: Kysely<DB>) {
  async function get(id: string): Promise<FocalPoint> {
    const row = await findFocalPoint(db, id);
    if (!row) throw notFound("focal point", id);
    return present(row);
  }

  return {
    async listOfOrganization(organizationId: string): Promise<FocalPointList> {
      await checkOrganizationExists(db, organizationId);
      return { items: (await listFocalPointsOfOrganization(db, organizationId)).map(present) };
    },

    async listByEmail(email: string): Promise<FocalPointList> {
      return { items: (await listFocalPointsByEmail(db, email)).map(present) };
    },

    async create(organizationId: string, input: CreateFocalPointInput, actor: Actor): Promise<FocalPoint> {
      const id = await db.transaction().execute(async (trx) => {
        await checkOrganizationExists(trx, organizationId);
        if (input.personId) await checkPersonExists(trx, input.personId);
        await checkEmailFree(trx, organizationId, input.email, null);
        const created = await insertFocalPoint(trx, {
          organization_id: organizationId,
          person_id: input.personId ?? null,
          name: input.name,
          email: input.email,
        });
        await recordAudit(trx, actor, {
          action: "focal_point.create",
          entityType: "focal_point",
          entityId: created,
          before: null,
          after: { organizationId, ...input },
        });
        return created;
      });
      return get(id);
    },

    async update(id: string, input: UpdateFocalPointInput, actor: Actor): Promise<FocalPoint> {
      await db.transaction().execute(async (trx) => {
        const current = await lockFocalPoint(trx, id);
        if (!current) throw notFound("focal point", id);
        if (input.email) await checkEmailFree(trx, current.organization_id, input.email, id);
        if (Object.keys(input).length === 0) return;
        await updateFocalPoint(trx, id, input);
        await recordAudit(trx, actor, {
          action: "focal_point.update",
          entityType: "focal_point",
          entityId: id,
          before: { name: current.name, email: current.email, active: current.active },
          after: input,
        });
      });
      return get(id);
    },
  };
}
