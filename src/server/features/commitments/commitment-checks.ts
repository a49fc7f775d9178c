import type { Kysely } from "kysely";
import type { CreateCommitmentInput } from "../../../shared/api/commitments.ts";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/errors.ts";
import { findFocalPoints } from "../focal-points/focal-points.repo.ts";

export function invalidField(path: string, message: string): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, { path });
}

export async function sessionFor(trx: Kysely<DB>, sessionId: string) {
  const session = await trx
    .selectFrom("sessions")
    .select(["id", "commission_id"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
  if (!session) throw invalidField("sessionId", `no session with id ${sessionId}.`);
  return session;
}

async function sidesOf(trx: Kysely<DB>, commissionId: string): Promise<Set<string>> {
  const sides = await trx
    .selectFrom("commission_sides")
    .select("country_code")
    .where("commission_id", "=", commissionId)
    .execute();
  return new Set(sides.map((s) => s.country_code));
}

/** `field` names a country that must be one of the commission's two sides. */
export async function checkSide(trx: Kysely<DB>, commissionId: string, side: string, field: string): Promise<void> {
  const sides = await sidesOf(trx, commissionId);
  if (!sides.has(side)) {
    throw invalidField(field, `${side} is not a side of this commission (${[...sides].join(", ")}).`);
  }
}

export async function checkResponsibles(
  trx: Kysely<DB>,
  commissionId: string,
  responsible: { organizationId: string; side: string }[],
): Promise<void> {
  if (responsible.length === 0) return;
  const sideCodes = await sidesOf(trx, commissionId);
  const orgIds = [...new Set(responsible.map((r) => r.organizationId))];
  if (orgIds.length !== responsible.length) throw invalidField("responsible", "an organisation is listed twice.");
  const found = await trx.selectFrom("organizations").select("id").where("id", "in", orgIds).execute();
  const foundIds = new Set(found.map((o) => o.id));
  responsible.forEach((r, i) => {
    if (!sideCodes.has(r.side)) {
      const sides = [...sideCodes].join(", ");
      throw invalidField(`responsible.${i}.side`, `${r.side} is not a side of this commission (${sides}).`);
    }
    if (!foundIds.has(r.organizationId)) {
      throw invalidField(`responsible.${i}.organizationId`, `no organisation with id ${r.organizationId}.`);
    }
  });
}

/** A focal point follows a commitment up for its own organisation, so that organisation must be responsible for it. */
export async function checkFocalPoints(
  trx: Kysely<DB>,
  focalPointIds: readonly string[],
  responsibleOrganizationIds: readonly string[],
): Promise<void> {
  const found = new Map((await findFocalPoints(trx, focalPointIds)).map((f) => [f.id, f]));
  const responsible = new Set(responsibleOrganizationIds);
  focalPointIds.forEach((id, i) => {
    const focalPoint = found.get(id);
    if (!focalPoint) throw invalidField(`focalPointIds.${i}`, `no focal point with id ${id}.`);
    if (!responsible.has(focalPoint.organization_id)) {
      throw invalidField(
        `focalPointIds.${i}`,
        `${focalPoint.name} works for an organisation that is not responsible for this commitment.`,
      );
    }
  });
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
export async function linkColumns(trx: Kysely<DB>, commissionId: string, input: Links) {
  const columns: Partial<Record<(typeof LINK_TABLES)[keyof Links]["column"], string | null>> = {};
  for (const field of Object.keys(LINK_TABLES) as (keyof Links)[]) {
    const id = input[field];
    if (id === undefined) continue;
    const { column, label } = LINK_TABLES[field];
    if (id !== null && !(await belongsToCommission(trx, field, id, commissionId))) {
      throw invalidField(field, `no ${label} ${id} in this commission.`);
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
export async function checkCarriedOver(
  trx: Kysely<DB>,
  commissionId: string,
  id: string | null,
): Promise<string | null> {
  if (id === null) return null;
  const found = await trx
    .selectFrom("commitments")
    .select("id")
    .where("id", "=", id)
    .where("commission_id", "=", commissionId)
    .executeTakeFirst();
  if (!found) throw invalidField("carriedOverFromId", `no commitment ${id} in this commission.`);
  return id;
}

/** A protocol numbers its items once: the same item number twice in a session is a conflict, not a new item. */
export async function checkItemNumberFree(
  trx: Kysely<DB>,
  sessionId: string,
  itemNumber: string | null | undefined,
  exceptId: string | null,
): Promise<void> {
  if (!itemNumber) return;
  const taken = await trx
    .selectFrom("commitments")
    .select("id")
    .where("session_id", "=", sessionId)
    .where("item_number", "=", itemNumber)
    .$if(exceptId !== null, (q) => q.where("id", "<>", exceptId as string))
    .executeTakeFirst();
  if (taken) {
    throw new AppError("conflict", `itemNumber: this session already has an item ${itemNumber}.`, {
      path: "itemNumber",
    });
  }
}
