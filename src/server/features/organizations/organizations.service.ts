import { type Kysely, sql } from "kysely";
import type {
  CreateOrganizationInput,
  Organization,
  UpdateOrganizationInput,
} from "../../../shared/api/organizations.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import { type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { cursorPosition, toPage } from "../pagination.ts";

const ORGANIZATION_SORT: KeysetSort = {
  direction: "asc",
  columns: [
    { expr: sql`coalesce(o.name->>'en', o.name->>'ru', o.name->>'az')`, type: "text" },
    { expr: sql`o.id`, type: "uuid" },
  ],
};

/** Lower-case, ё→е, quotes and extra spaces dropped: the form aliases are matched on. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[«»"“”„'‘’`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

type OrganizationRow = { id: string; country_code: string | null; kind: string; name: LocalizedText; version: number };

async function presentOrganizations(db: Kysely<DB>, rows: OrganizationRow[]): Promise<Organization[]> {
  const ids = rows.map((r) => r.id);
  const aliases =
    ids.length === 0
      ? []
      : await db
          .selectFrom("organization_aliases")
          .select(["organization_id", "alias"])
          .where("organization_id", "in", ids)
          .orderBy("id")
          .execute();
  return rows.map((r) => ({
    id: r.id,
    country: r.country_code,
    kind: r.kind as Organization["kind"],
    name: r.name,
    version: r.version,
    aliases: aliases.filter((a) => a.organization_id === r.id).map((a) => a.alias),
  }));
}

/** Every name of the organisation is an alias too, so that import finds it by any of them. */
export async function writeAliases(trx: Kysely<DB>, organizationId: string, name: LocalizedText, aliases: string[]) {
  await trx.deleteFrom("organization_aliases").where("organization_id", "=", organizationId).execute();
  const names = [...Object.values(name), ...aliases].filter((n): n is string => Boolean(n));
  const unique = new Map(names.map((n) => [normalizeName(n), n]));
  await trx
    .insertInto("organization_aliases")
    .values([...unique].map(([normalized, alias]) => ({ organization_id: organizationId, alias, normalized })))
    .execute();
}

async function lockOrganization(trx: Kysely<DB>, id: string) {
  const row = await trx
    .selectFrom("organizations")
    .select(["id", "country_code", "kind", "name", "version"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("organisation", id);
  return row;
}

/** Points every reference of the duplicate at the organisation that stays; rows that would repeat are dropped. */
async function moveReferences(trx: Kysely<DB>, fromId: string, toId: string): Promise<void> {
  await sql`delete from commitment_responsibles d where d.organization_id = ${fromId}
    and exists (select 1 from commitment_responsibles k where k.organization_id = ${toId} and k.commitment_id = d.commitment_id)`.execute(
    trx,
  );
  await sql`delete from participations d where d.organization_id = ${fromId} and exists (select 1 from participations k
    where k.organization_id = ${toId} and (k.joint_body_id = d.joint_body_id or k.project_id = d.project_id))`.execute(
    trx,
  );
  await trx
    .updateTable("commitment_responsibles")
    .set({ organization_id: toId })
    .where("organization_id", "=", fromId)
    .execute();
  await trx
    .updateTable("participations")
    .set({ organization_id: toId })
    .where("organization_id", "=", fromId)
    .execute();
  await trx.updateTable("positions").set({ organization_id: toId }).where("organization_id", "=", fromId).execute();
  await trx
    .updateTable("delegation_members")
    .set({ organization_id: toId })
    .where("organization_id", "=", fromId)
    .execute();
  await trx
    .updateTable("commission_sides")
    .set({ secretariat_organization_id: toId })
    .where("secretariat_organization_id", "=", fromId)
    .execute();
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;

export function createOrganizationService(db: Kysely<DB>) {
  async function get(id: string): Promise<Organization> {
    const row = await db
      .selectFrom("organizations")
      .select(["id", "country_code", "kind", "name", "version"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("organisation", id);
    const [presented] = await presentOrganizations(db, [row]);
    return presented as Organization;
  }

  return {
    get,

    async list(query: {
      country?: string | undefined;
      q?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    }) {
      const after = cursorPosition(query.cursor, ORGANIZATION_SORT);
      let q = db
        .selectFrom("organizations as o")
        .select(["o.id", "o.country_code", "o.kind", "o.name", "o.version"])
        .select(sql<string>`coalesce(o.name->>'en', o.name->>'ru', o.name->>'az')`.as("sort_name"));
      if (query.country) q = q.where("o.country_code", "=", query.country);
      if (query.q) {
        const pattern = `%${normalizeName(query.q).replace(/[\\%_]/g, "\\$&")}%`;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom("organization_aliases as a")
              .select(sql`1`.as("one"))
              .whereRef("a.organization_id", "=", "o.id")
              .where("a.normalized", "like", pattern),
          ),
        );
      }
      if (after) q = q.where(keysetAfter(ORGANIZATION_SORT, after));
      const rows = await q
        .orderBy(keysetOrder(ORGANIZATION_SORT))
        .limit(query.limit + 1)
        .execute();
      const items = await presentOrganizations(db, rows.slice(0, query.limit));
      return toPage(
        rows,
        query.limit,
        () => items,
        (r) => [r.sort_name, r.id],
      );
    },

    async create(input: CreateOrganizationInput, actor: Actor): Promise<Organization> {
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("organizations")
          .values({ country_code: input.country, kind: input.kind, name: JSON.stringify(input.name) })
          .returning("id")
          .executeTakeFirstOrThrow();
        await writeAliases(trx, row.id, input.name, input.aliases);
        await recordAudit(trx, actor, {
          action: "organization.create",
          entityType: "organization",
          entityId: row.id,
          before: null,
          after: input,
        });
        return row.id;
      });
      return get(id);
    },

    async update(id: string, input: UpdateOrganizationInput, actor: Actor): Promise<Organization> {
      await db.transaction().execute(async (trx) => {
        const current = await lockOrganization(trx, id);
        if (current.version !== input.version) throw versionConflict("organisation", input.version, current.version);
        const name = input.name ?? current.name;
        await trx
          .updateTable("organizations")
          .set({
            country_code: input.country === undefined ? current.country_code : input.country,
            kind: input.kind ?? current.kind,
            name: JSON.stringify(name),
            version: current.version + 1,
            updated_at: sql<string>`now()`,
          })
          .where("id", "=", id)
          .execute();
        if (input.aliases || input.name) {
          // Inside the transaction: PGlite has one connection, a query through `db` here would wait for itself.
          const kept =
            input.aliases ??
            (
              await trx.selectFrom("organization_aliases").select("alias").where("organization_id", "=", id).execute()
            ).map((a) => a.alias);
          await writeAliases(trx, id, name, kept);
        }
        const { version: _version, ...changes } = input;
        await recordAudit(trx, actor, {
          action: "organization.update",
          entityType: "organization",
          entityId: id,
          before: current,
          after: changes,
        });
      });
      return get(id);
    },

    /** Merges a duplicate into this organisation: its names become aliases, its references move, it is deleted. */
    async merge(id: string, duplicateId: string, actor: Actor): Promise<Organization> {
      if (id === duplicateId)
        throw new AppError("validation_failed", "duplicateId: an organisation cannot be merged into itself.");
      await db.transaction().execute(async (trx) => {
        const keep = await lockOrganization(trx, id);
        const duplicate = await lockOrganization(trx, duplicateId);
        const names = await trx
          .selectFrom("organization_aliases")
          .select("alias")
          .where("organization_id", "in", [id, duplicateId])
          .execute();
        await moveReferences(trx, duplicateId, id);
        await trx.deleteFrom("organizations").where("id", "=", duplicateId).execute();
        await writeAliases(
          trx,
          id,
          keep.name,
          names.map((n) => n.alias),
        );
        await trx
          .updateTable("organizations")
          .set({ version: keep.version + 1, updated_at: sql<string>`now()` })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, actor, {
          action: "organization.merge",
          entityType: "organization",
          entityId: id,
          before: { kept: keep, duplicate },
          after: { id, mergedFrom: duplicateId },
        });
        // The duplicate is deleted: its own history ends with an event that says where it went.
        await recordAudit(trx, actor, {
          action: "organization.merged_into",
          entityType: "organization",
          entityId: duplicateId,
          before: duplicate,
          after: { mergedInto: id },
        });
      });
      return get(id);
    },
  };
}
