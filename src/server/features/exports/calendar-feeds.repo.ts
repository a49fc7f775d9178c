import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

export type FeedScope = { commissionId: string } | { organizationId: string };

const scopeColumns = (scope: FeedScope) =>
  "commissionId" in scope
    ? { commission_id: scope.commissionId, organization_id: null }
    : { commission_id: null, organization_id: scope.organizationId };

export async function insertFeed(db: Kysely<DB>, scope: FeedScope, tokenHash: string) {
  return db
    .insertInto("calendar_feeds")
    .values({ token_hash: tokenHash, ...scopeColumns(scope) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listFeeds(db: Kysely<DB>, scope: FeedScope) {
  const columns = scopeColumns(scope);
  return db
    .selectFrom("calendar_feeds")
    .selectAll()
    .$if(columns.commission_id !== null, (q) => q.where("commission_id", "=", columns.commission_id as string))
    .$if(columns.organization_id !== null, (q) => q.where("organization_id", "=", columns.organization_id as string))
    .orderBy("created_at")
    .execute();
}

export async function findLiveFeedByHash(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom("calendar_feeds")
    .selectAll()
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

/** Revokes a live feed; returns false when there is no such feed or it was already revoked. */
export async function revokeFeed(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Commissions an organisation works in: as a responsible organisation of a commitment or as a secretariat. */
export async function listCommissionIdsOfOrganization(db: Kysely<DB>, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("commitment_responsibles")
    .select("commission_id")
    .where("organization_id", "=", organizationId)
    .union(
      db
        .selectFrom("commission_sides")
        .select("commission_id")
        .where("secretariat_organization_id", "=", organizationId),
    )
    .execute();
  return rows.map((r) => r.commission_id);
}

export async function listCommissionLabels(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("commissions").select(["id", "name", "short_name"]).where("id", "in", ids).execute();
}

export async function findOrganizationName(db: Kysely<DB>, id: string) {
  return db.selectFrom("organizations").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}
