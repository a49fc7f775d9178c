import type { Kysely } from "kysely";
import type { DB, GrantRole } from "../../db/schema.ts";
import type { Grant } from "../../http/access.ts";

export type UserRow = Awaited<ReturnType<typeof findUserByEmail>> & {};

const USER_COLUMNS = [
  "id",
  "email",
  "display_name",
  "password_hash",
  "password_must_change",
  "is_administrator",
  "disabled_at",
  "failed_sign_ins",
  "locked_until",
  "created_at",
] as const;

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom("users").select(USER_COLUMNS).where("email", "=", email).executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom("users").select(USER_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>) {
  return db.selectFrom("users").select(USER_COLUMNS).orderBy("email").execute();
}

export async function grantsOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, Grant[]>> {
  const byUser = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom("role_grants")
    .select(["user_id", "role", "commission_id", "organization_id", "side"])
    .where("user_id", "in", userIds)
    .orderBy("created_at")
    .execute();
  for (const r of rows) {
    byUser.get(r.user_id)?.push({
      role: r.role as GrantRole,
      commissionId: r.commission_id,
      organizationId: r.organization_id,
      side: r.side?.trim() ?? null,
    });
  }
  return byUser;
}

export async function replaceGrants(db: Kysely<DB>, userId: string, grants: Grant[]): Promise<void> {
  await db.deleteFrom("role_grants").where("user_id", "=", userId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto("role_grants")
    .values(
      grants.map((g) => ({
        user_id: userId,
        role: g.role,
        commission_id: g.commissionId,
        organization_id: g.organizationId,
        side: g.side,
      })),
    )
    .execute();
}

/** The live session behind a cookie's hash, with its person, or undefined when expired, unknown or disabled. */
export function findLiveSession(db: Kysely<DB>, tokenHash: string, now: Date) {
  return db
    .selectFrom("user_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["s.token_hash", "s.last_seen_at", "s.created_at as session_created_at", "u.id", "u.email"])
    .select(["u.display_name", "u.is_administrator"])
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", now.toISOString())
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
}

export function findLiveToken(db: Kysely<DB>, tokenHash: string, now: Date) {
  return db
    .selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select([
      "t.id as token_id",
      "t.access",
      "t.last_used_at",
      "u.id",
      "u.email",
      "u.display_name",
      "u.is_administrator",
    ])
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .where((eb) => eb.or([eb("t.expires_at", "is", null), eb("t.expires_at", ">", now.toISOString())]))
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
}

export function countRecentFailures(db: Kysely<DB>, client: string, since: Date) {
  return db
    .selectFrom("sign_in_failures")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("client", "=", client)
    .where("occurred_at", ">", since.toISOString())
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
