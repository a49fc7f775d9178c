import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/** The commission(s) and responsible organisations of one record, which decide who may read or change it. */
export type RecordScope = { commissionIds: string[]; organizationIds: string[] };
type RecordLookup = (db: Kysely<DB>, id: string) => Promise<RecordScope>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTHING: RecordScope = { commissionIds: [], organizationIds: [] };

const commissionsOf = (rows: { commission_id: string | null }[]) =>
  [...new Set(rows.map((r) => r.commission_id))].filter((id): id is string => id !== null);

async function commitmentRecords(db: Kysely<DB>, commitmentIds: string[]): Promise<RecordScope> {
  if (commitmentIds.length === 0) return NOTHING;
  const [commitments, responsible] = await Promise.all([
    db.selectFrom("commitments").select("commission_id").where("id", "in", commitmentIds).execute(),
    db
      .selectFrom("commitment_responsibles")
      .select("organization_id")
      .where("commitment_id", "in", commitmentIds)
      .execute(),
  ]);
  return { commissionIds: commissionsOf(commitments), organizationIds: responsible.map((r) => r.organization_id) };
}

async function organizationRecords(db: Kysely<DB>, organizationId: string): Promise<RecordScope> {
  const rows = await db
    .selectFrom("commitment_responsibles")
    .select("commission_id")
    .distinct()
    .where("organization_id", "=", organizationId)
    .execute();
  return { commissionIds: commissionsOf(rows), organizationIds: [organizationId] };
}

const byCommissionColumn =
  (table: "sessions" | "programmes" | "joint_bodies" | "projects" | "documents"): RecordLookup =>
  async (db, id) => ({
    commissionIds: commissionsOf(await db.selectFrom(table).select("commission_id").where("id", "=", id).execute()),
    organizationIds: [],
  });

/**
 * How to find the commission of the record named by `/{kind}/{id}`. A route scoped to a commission whose path
 * names a kind missing here fails when it is defined, so no endpoint goes out without its check.
 */
const LOOKUPS: Record<string, RecordLookup> = {
  commissions: async (_db, id) => ({ commissionIds: [id], organizationIds: [] }),
  sessions: byCommissionColumn("sessions"),
  programmes: byCommissionColumn("programmes"),
  "joint-bodies": byCommissionColumn("joint_bodies"),
  projects: byCommissionColumn("projects"),
  documents: byCommissionColumn("documents"),
  commitments: (db, id) => commitmentRecords(db, [id]),
  organizations: organizationRecords,
  "status-update-files": async (db, id) => {
    const rows = await db
      .selectFrom("status_update_files as f")
      .innerJoin("status_updates as u", "u.id", "f.status_update_id")
      .select("u.commitment_id")
      .where("f.id", "=", id)
      .execute();
    return commitmentRecords(
      db,
      rows.map((r) => r.commitment_id),
    );
  },
  "calendar-feeds": async (db, id) => {
    const feed = await db
      .selectFrom("calendar_feeds")
      .select(["commission_id", "organization_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!feed) return NOTHING;
    return feed.commission_id
      ? { commissionIds: [feed.commission_id], organizationIds: [] }
      : organizationRecords(db, feed.organization_id as string);
  },
};

export type RecordKind = keyof typeof LOOKUPS;
export const RECORD_KINDS = new Set(Object.keys(LOOKUPS));

/** Finds what a record belongs to; an id that is not a UUID, or names nothing, belongs to nothing. */
export function createRecordScopes(db: Kysely<DB>) {
  return {
    of: async (kind: string, id: string): Promise<RecordScope> => {
      const lookup = LOOKUPS[kind];
      return lookup && UUID.test(id) ? lookup(db, id) : NOTHING;
    },
  };
}
