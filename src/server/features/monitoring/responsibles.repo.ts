import type { Kysely } from "kysely";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { DB } from "../../db/schema.ts";

export type ResponsibleOrganizationRow = {
  commitment_id: string;
  organization_id: string;
  side: string;
  lead: boolean;
  name: LocalizedText;
};

/** SQL only: the responsible organisations of some commitments, per side and lead first. */
export async function listResponsibleOrganizations(
  db: Kysely<DB>,
  commitmentIds: readonly string[],
): Promise<ResponsibleOrganizationRow[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom("commitment_responsibles as r")
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .select(["r.commitment_id", "r.organization_id", "r.side", "r.lead", "o.name"])
    .where("r.commitment_id", "in", commitmentIds)
    .orderBy("r.side")
    .orderBy("r.lead", "desc")
    .orderBy("r.organization_id")
    .execute();
}

/** Groups rows by commitment, for presenting each commitment with its own. */
export function byCommitment<R extends { commitment_id: string }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.commitment_id);
    if (group) group.push(row);
    else groups.set(row.commitment_id, [row]);
  }
  return groups;
}
