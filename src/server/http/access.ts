/**
 * What each endpoint needs. Accounts are not there yet (issue: accounts and roles), so nothing is enforced; every
 * route still declares its rule here so that the authorisation check can be added in one place and tested
 * against the whole route table.
 */
export type Role = "public" | "observer" | "focal_point" | "secretariat" | "co_chair_office" | "administrator";
export type Scope = "none" | "commission" | "organization";
export type Access = { role: Role; scope: Scope };

export const PUBLIC: Access = { role: "public", scope: "none" };
export const READ_COMMISSION: Access = { role: "observer", scope: "commission" };
export const EDIT_COMMISSION: Access = { role: "secretariat", scope: "commission" };
export const ADMINISTER: Access = { role: "administrator", scope: "none" };
export const REPORT_ON_COMMITMENT: Access = { role: "focal_point", scope: "organization" };

/** OpenAPI extension that carries the rule into `/api/openapi.json`. */
export function accessExtension(access: Access): { "x-igc-access": Access } {
  return { "x-igc-access": access };
}
