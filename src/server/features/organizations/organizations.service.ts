import { type Kysely, sql } from "kysely";
import type { Organization } from "../../../shared/api/organizations.ts";
import { type KeysetSort, keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { DB } from "../../db/schema.ts";
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

export type OrganizationService = ReturnType<typeof createOrganizationService>;

export function createOrganizationService(db: Kysely<DB>) {
  return {
    async list(query: {
      country?: string | undefined;
      q?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    }) {
      const after = cursorPosition(query.cursor, ORGANIZATION_SORT);
      let q = db
        .selectFrom("organizations as o")
        .select(["o.id", "o.country_code", "o.kind", "o.name"])
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
      const pageIds = rows.slice(0, query.limit).map((r) => r.id);
      const aliases =
        pageIds.length === 0
          ? []
          : await db
              .selectFrom("organization_aliases")
              .select(["organization_id", "alias"])
              .where("organization_id", "in", pageIds)
              .orderBy("id")
              .execute();
      return toPage(
        rows,
        query.limit,
        (page) =>
          page.map(
            (r): Organization => ({
              id: r.id,
              country: r.country_code,
              kind: r.kind as Organization["kind"],
              name: r.name,
              aliases: aliases.filter((a) => a.organization_id === r.id).map((a) => a.alias),
            }),
          ),
        (r) => [r.sort_name, r.id],
      );
    },
  };
}
