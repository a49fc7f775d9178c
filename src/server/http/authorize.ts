import type { Context, MiddlewareHandler } from "hono";
import { RECORD_KINDS } from "../features/accounts/record-scopes.ts";
import { type Access, decide, type Target } from "./access.ts";
import type { AppEnv } from "./context.ts";
import { AppError } from "./errors.ts";

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};

/**
 * What a request names: its query for a read; for a write its JSON body, or the `metadata` JSON of a multipart
 * upload. Read from a copy: the route's own validation reads the body afterwards, as it came.
 */
async function namedIn(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  if (c.req.method === "GET") return c.req.query();
  const type = c.req.header("content-type") ?? "";
  const body = c.req.raw.clone();
  try {
    if (type.includes("application/json")) return asRecord(await body.json());
    if (type.includes("multipart/form-data")) {
      const metadata = (await body.formData()).get("metadata");
      return typeof metadata === "string" ? asRecord(JSON.parse(metadata)) : {};
    }
  } catch {
    // Unreadable: the route's validation will say so; for the check it names nothing.
  }
  return {};
}

/**
 * A list names its commission in the query, a new record in its body (`commissionId` and/or `sessionId`); every
 * one named must be the caller's. Naming none is the whole portfolio.
 */
async function collectionTarget(c: Context<AppEnv>): Promise<Target> {
  const named = await namedIn(c);
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
