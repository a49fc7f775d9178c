import type { Context, MiddlewareHandler } from "hono";
import { RECORD_KINDS } from "../features/accounts/record-scopes.ts";
import { type Access, decide, type Target } from "./access.ts";
import type { AppEnv } from "./context.ts";
import { AppError } from "./errors.ts";

/**
 * A list names its commission in the query, a new record in its JSON body (`commissionId` and/or `sessionId`); every
 * one named must be the caller's. Naming none is the whole portfolio.
 */
async function collectionTarget(c: Context<AppEnv>): Promise<Target> {
  const named =
    c.req.method === "GET"
      ? c.req.query()
      : c.req.header("content-type")?.includes("application/json")
        ? // A copy: the route's own validation reads the body afterwards, as it came.
          ((await c.req.raw
            .clone()
            .json()
            .catch(() => ({}))) as Record<string, unknown>)
        : {};
  const scopes = c.var.services.recordScopes;
  const found = await Promise.all([
    typeof named.commissionId === "string" ? scopes.of("commissions", named.commissionId) : null,
    typeof named.sessionId === "string" ? scopes.of("sessions", named.sessionId) : null,
  ]);
  const given = found.filter((f) => f !== null);
  if (given.length === 0) return { kind: "portfolio" };
  // A named record that does not exist belongs to no commission, which no scoped role covers.
  if (given.some((f) => f.commissionIds.length === 0))
    return { kind: "records", commissionIds: [], organizationIds: [] };
  return { kind: "records", commissionIds: [...new Set(given.flatMap((f) => f.commissionIds))], organizationIds: [] };
}

type TargetOf = (c: Context<AppEnv>) => Promise<Target>;

/** Picks, when the route is defined, how its requests find what they touch. */
function targetFinder(access: Access, path: string): TargetOf {
  const none: TargetOf = async () => ({ kind: "records", commissionIds: [], organizationIds: [] });
  if (access.scope !== "commission" && access.scope !== "organization") return none;
  const [, kind, id] = path.split("/");
  if (id !== "{id}") return collectionTarget;
  if (!kind || !RECORD_KINDS.has(kind)) {
    throw new Error(`No way to find the commission of /${kind}/{id}: add the kind to record-scopes.ts.`);
  }
  return async (c) => ({ kind: "records", ...(await c.var.services.recordScopes.of(kind, c.req.param("id") ?? "")) });
}

/** The check in front of every API route: 401 for nobody when someone is needed, 403 when this person may not. */
export function authorize(access: Access, path: string): MiddlewareHandler<AppEnv> {
  const targetOf = targetFinder(access, path);
  return async (c, next) => {
    const principal = c.var.principal;
    const needsTarget = principal && !principal.isAdministrator && access.role !== "account";
    const target: Target = needsTarget ? await targetOf(c) : { kind: "portfolio" };
    const decision = decide(principal, access, target, c.req.method);
    if (decision === "sign_in") throw new AppError("unauthenticated", "Sign in first: this needs an account.");
    if (decision === "forbidden") {
      throw new AppError(
        "forbidden",
        target.kind === "portfolio" && access.scope !== "none" && access.scope !== "directory"
          ? "Your roles cover some commissions only: choose one (add commissionId) or ask an administrator."
          : "Your roles do not allow this here. Ask the commission's secretariat or an administrator for access.",
        { needs: access },
      );
    }
    await next();
  };
}
