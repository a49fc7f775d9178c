/**
 * Who may call what. Every route declares an `Access` rule; `decide` is the one function that answers, for a signed-in
 * person (or nobody) and the commission and organisations a request touches, whether the call may go ahead.
 */
import { grantReachesPortfolio, seesPortfolio } from "../../shared/portfolio-reach.ts";
import type { GrantRole } from "../db/schema.ts";

/** The least role a rule needs; `account` is any signed-in person, for their own things (profile, tokens, inbox). */
export type Role =
  | "public"
  | "account"
  | "observer"
  | "focal_point"
  | "co_chair_office"
  | "secretariat"
  | "administrator";
/**
 * What the rule is scoped to: `commission` — the commission the request touches (from the path, query or body);
 * `organization` — also one of the organisations responsible for the commitment; `directory` — the shared lists of
 * organisations and people (any grant in any commission); `none` — nothing to check.
 */
export type Scope = "none" | "directory" | "commission" | "organization";
export type Access = { role: Role; scope: Scope };

export const PUBLIC: Access = { role: "public", scope: "none" };
export const SIGNED_IN: Access = { role: "account", scope: "none" };
export const READ_DIRECTORY: Access = { role: "observer", scope: "directory" };
export const EDIT_DIRECTORY: Access = { role: "secretariat", scope: "directory" };
export const READ_COMMISSION: Access = { role: "observer", scope: "commission" };
export const SIGN_OFF_COMMISSION: Access = { role: "co_chair_office", scope: "commission" };
export const EDIT_COMMISSION: Access = { role: "secretariat", scope: "commission" };
export const REPORT_ON_COMMITMENT: Access = { role: "focal_point", scope: "organization" };
export const ADMINISTER: Access = { role: "administrator", scope: "none" };

export type Grant = {
  role: GrantRole;
  /** Null: every commission of the portfolio. */
  commissionId: string | null;
  /** A focal point's organisation. */
  organizationId: string | null;
  side: string | null;
};

export type Principal = {
  userId: string;
  email: string;
  name: string;
  isAdministrator: boolean;
  grants: Grant[];
  /** How the request proved who it is; a read-only API token may only read. */
  via: { kind: "session"; sessionHash: string } | { kind: "token"; tokenId: string; access: "read" | "write" };
};

/**
 * What a request touches: the commission(s) and responsible organisations of the record in its path or filter, or
 * `portfolio` when it names no commission (a list across all of them).
 */
export type Target = { kind: "records"; commissionIds: string[]; organizationIds: string[] } | { kind: "portfolio" };

export type Decision = "allow" | "sign_in" | "forbidden";

/** Which grant roles satisfy a rule's role (a secretariat may do what a focal point or co-chair's office may). */
const GRANT_ROLES_FOR: Record<Exclude<Role, "public" | "account" | "administrator">, readonly GrantRole[]> = {
  observer: ["observer", "focal_point", "co_chair_office", "secretariat"],
  focal_point: ["focal_point", "secretariat"],
  co_chair_office: ["co_chair_office", "secretariat"],
  secretariat: ["secretariat"],
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function decide(principal: Principal | null, access: Access, target: Target, method: string): Decision {
  if (access.role === "public") return "allow";
  if (!principal) return "sign_in";
  if (principal.via.kind === "token" && principal.via.access === "read" && !SAFE_METHODS.has(method)) {
    return "forbidden";
  }
  if (principal.isAdministrator) return "allow";
  if (access.role === "administrator") return "forbidden";
  if (access.role === "account") return "allow";
  const eligible = principal.grants.filter((g) => GRANT_ROLES_FOR[access.role as "observer"].includes(g.role));
  return eligible.some((grant) => grantCovers(grant, access.scope, target)) ? "allow" : "forbidden";
}

function grantCovers(grant: Grant, scope: Scope, target: Target): boolean {
  if (scope === "none" || scope === "directory") return true;
  if (target.kind === "portfolio") return grantReachesPortfolio(grant);
  if (target.commissionIds.length === 0) return false;
  const inCommission = target.commissionIds.every((id) => grant.commissionId === null || grant.commissionId === id);
  if (!inCommission) return false;
  if (scope === "organization" && grant.role === "focal_point") {
    return grant.organizationId !== null && target.organizationIds.includes(grant.organizationId);
  }
  return true;
}

/** The commissions a person may read (null: all of them), for lists that show only those. */
export function visibleCommissions(principal: Principal | null): string[] | null {
  if (!principal) return [];
  if (seesPortfolio(principal)) return null;
  return [...new Set(principal.grants.map((g) => g.commissionId).filter((id): id is string => id !== null))];
}

/** OpenAPI extension that carries the rule into `/api/openapi.json`. */
export function accessExtension(access: Access): { "x-igc-access": Access } {
  return { "x-igc-access": access };
}
