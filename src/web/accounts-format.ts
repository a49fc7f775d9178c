import type { GRANT_ROLES, GrantInput } from "../shared/api/accounts.ts";
import type { ApiToken } from "./accounts-api.ts";

export type GrantRole = (typeof GRANT_ROLES)[number];

/** A grant as the editor holds it: `key` keeps a row's own state (its organisation search) when another is removed. */
export type EditableGrant = {
  key: number;
  role: GrantRole;
  commissionId: string | null;
  organizationId: string | null;
  side: string | null;
};

let nextKey = 0;

export function editableGrant(grant: Partial<Omit<EditableGrant, "key">> = {}): EditableGrant {
  nextKey += 1;
  return {
    key: nextKey,
    role: grant.role ?? "observer",
    commissionId: grant.commissionId ?? null,
    organizationId: grant.organizationId ?? null,
    side: grant.side ?? null,
  };
}

export function grantInputs(rows: readonly EditableGrant[]): GrantInput[] {
  return rows.map(({ role, commissionId, organizationId, side }) => ({ role, commissionId, organizationId, side }));
}

/**
 * A grant after one of its fields changed, kept consistent: only a focal point names an organisation, and a side
 * is one of the chosen commission's two countries (`countries` null: all commissions, which have no one side).
 */
export function consistentGrant(grant: EditableGrant, countries: readonly string[] | null): EditableGrant {
  return {
    ...grant,
    organizationId: grant.role === "focal_point" ? grant.organizationId : null,
    side: grant.side !== null && countries?.includes(grant.side) ? grant.side : null,
  };
}

/** "focal point · AZ–KG · Ministry of Economy · AZ": the parts a grant has, in that order, the missing ones left out. */
export function grantDescription(parts: {
  role: string;
  commission: string;
  organization?: string | null;
  side?: string | null;
}): string {
  return [parts.role, parts.commission, parts.organization, parts.side].filter((p) => !!p).join(" · ");
}

export type TokenState = "active" | "expired" | "revoked";

export function tokenState(token: Pick<ApiToken, "expiresAt" | "revokedAt">, now: Date): TokenState {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}
