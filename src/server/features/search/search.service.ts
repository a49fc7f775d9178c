import { type Kysely, sql } from "kysely";
import type { SearchResult } from "../../../shared/api/search.ts";
import type { DB } from "../../db/schema.ts";
import { matchesText, prefixQuery } from "../../db/text-search.ts";
import { normalizeName } from "../organizations/organizations.service.ts";

export type SearchService = ReturnType<typeof createSearchService>;

/**
 * One box, four kinds of record. Commitments and documents match by stemmed full text (Russian, English, as-is);
 * organisations by any of their names and aliases; people by the beginning of any word of their name.
 */
export function createSearchService(db: Kysely<DB>) {
  return {
    async search(query: { q: string; commissionId?: string | undefined; limit: number }): Promise<SearchResult> {
      const { q, commissionId, limit } = query;
      const prefix = prefixQuery(q);
      const like = `%${normalizeName(q).replace(/[\\%_]/g, "\\$&")}%`;
      const [commitments, documents, organizations, people] = await Promise.all([
        db
          .selectFrom("commitments as c")
          .innerJoin("sessions as s", "s.id", "c.session_id")
          .select(["c.id", "c.commission_id", "c.session_id", "s.number", "c.item_number", "c.sector_code", "c.text"])
          .where(matchesText(sql`c.search`, q))
          .$if(commissionId !== undefined, (qb) => qb.where("c.commission_id", "=", commissionId as string))
          .orderBy(
            sql`ts_rank(c.search, websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}))`,
            "desc",
          )
          .orderBy("c.id")
          .limit(limit)
          .execute(),
        db
          .selectFrom("documents as d")
          .select(["d.id", "d.commission_id", "d.session_id", "d.kind", "d.title"])
          .where(matchesText(sql`d.search`, q))
          .$if(commissionId !== undefined, (qb) => qb.where("d.commission_id", "=", commissionId as string))
          .orderBy("d.created_at", "desc")
          .limit(limit)
          .execute(),
        db
          .selectFrom("organizations as o")
          .select(["o.id", "o.country_code", "o.name"])
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom("organization_aliases as a")
                .select(sql`1`.as("one"))
                .whereRef("a.organization_id", "=", "o.id")
                .where((eb) =>
                  eb.or([
                    eb("a.normalized", "like", like),
                    eb(
                      sql<boolean>`to_tsvector('russian', a.alias) @@ websearch_to_tsquery('russian', ${q})`,
                      "=",
                      true,
                    ),
                  ]),
                ),
            ),
          )
          .orderBy(sql`coalesce(o.name->>'en', o.name->>'ru')`)
          .limit(limit)
          .execute(),
        prefix === null
          ? Promise.resolve([])
          : db
              .selectFrom("people as p")
              .select(["p.id", "p.name"])
              .where(sql<boolean>`p.search @@ to_tsquery('simple', ${prefix})`)
              .orderBy(sql`coalesce(p.name->>'en', p.name->>'ru')`)
              .limit(limit)
              .execute(),
      ]);
      return {
        commitments: commitments.map((c) => ({
          id: c.id,
          commissionId: c.commission_id,
          sessionId: c.session_id,
          sessionNumber: c.number,
          itemNumber: c.item_number,
          sector: c.sector_code,
          text: c.text,
        })),
        documents: documents.map((d) => ({
          id: d.id,
          commissionId: d.commission_id,
          sessionId: d.session_id,
          kind: d.kind,
          title: d.title,
        })),
        organizations: organizations.map((o) => ({ id: o.id, country: o.country_code, name: o.name })),
        people: people.map((p) => ({ id: p.id, name: p.name })),
      };
    },
  };
}
