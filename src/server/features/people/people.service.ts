import { type Kysely, sql } from "kysely";
import type { CreatePersonInput, CreatePositionInput, Person } from "../../../shared/api/people.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { KeysetSort } from "../../db/keyset.ts";
import { keysetAfter, keysetOrder } from "../../db/keyset.ts";
import type { DB } from "../../db/schema.ts";
import { prefixQuery } from "../../db/text-search.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { cursorPosition, toPage } from "../pagination.ts";

const PERSON_SORT: KeysetSort = {
  direction: "asc",
  columns: [
    { expr: sql`coalesce(p.name->>'en', p.name->>'ru', p.name->>'az')`, type: "text" },
    { expr: sql`p.id`, type: "uuid" },
  ],
};

async function positionsOf(db: Kysely<DB>, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom("positions as po")
    .leftJoin("organizations as o", "o.id", "po.organization_id")
    .select([
      "po.id",
      "po.person_id",
      "po.title",
      "po.starts_on",
      "po.ends_on",
      "po.organization_id",
      "o.name as org_name",
    ])
    .where("po.person_id", "in", personIds)
    .orderBy(sql`po.starts_on desc nulls first`)
    .execute();
}

function presentPeople(
  people: { id: string; name: LocalizedText; version: number }[],
  positions: Awaited<ReturnType<typeof positionsOf>>,
): Person[] {
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    positions: positions
      .filter((po) => po.person_id === p.id)
      .map((po) => ({
        id: po.id,
        title: po.title,
        organization: po.organization_id && po.org_name ? { id: po.organization_id, name: po.org_name } : null,
        startsOn: po.starts_on,
        endsOn: po.ends_on,
      })),
  }));
}

export async function insertPosition(trx: Kysely<DB>, personId: string, input: CreatePositionInput): Promise<string> {
  if (input.organizationId) {
    const org = await trx
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", input.organizationId)
      .executeTakeFirst();
    if (!org)
      throw new AppError("validation_failed", `organizationId: no organisation with id ${input.organizationId}.`);
  }
  const row = await trx
    .insertInto("positions")
    .values({
      person_id: personId,
      organization_id: input.organizationId ?? null,
      title: JSON.stringify(input.title),
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type PersonService = ReturnType<typeof createPersonService>;

export function createPersonService(db: Kysely<DB>) {
  async function get(id: string): Promise<Person> {
    const person = await db
      .selectFrom("people")
      .select(["id", "name", "version"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!person) throw notFound("person", id);
    const [presented] = presentPeople([person], await positionsOf(db, [id]));
    return presented as Person;
  }

  return {
    get,

    async list(query: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
      const after = cursorPosition(query.cursor, PERSON_SORT);
      let q = db
        .selectFrom("people as p")
        .select(["p.id", "p.name", "p.version"])
        .select(sql<string>`coalesce(p.name->>'en', p.name->>'ru', p.name->>'az')`.as("sort_name"));
      const words = query.q ? prefixQuery(query.q) : null;
      if (words) q = q.where(sql<boolean>`p.search @@ to_tsquery('simple', ${words})`);
      if (after) q = q.where(keysetAfter(PERSON_SORT, after));
      const rows = await q
        .orderBy(keysetOrder(PERSON_SORT))
        .limit(query.limit + 1)
        .execute();
      const positions = await positionsOf(
        db,
        rows.slice(0, query.limit).map((r) => r.id),
      );
      return toPage(
        rows,
        query.limit,
        (page) => presentPeople(page, positions),
        (r) => [r.sort_name, r.id],
      );
    },

    async create(input: CreatePersonInput, actor: Actor): Promise<Person> {
      const id = await db.transaction().execute(async (trx) => {
        const person = await trx
          .insertInto("people")
          .values({ name: JSON.stringify(input.name) })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (input.position) await insertPosition(trx, person.id, input.position);
        await recordAudit(trx, actor, {
          action: "person.create",
          entityType: "person",
          entityId: person.id,
          before: null,
          after: input,
        });
        return person.id;
      });
      return get(id);
    },

    async update(id: string, input: { version: number; name: LocalizedText }, actor: Actor): Promise<Person> {
      await db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom("people").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
        if (!current) throw notFound("person", id);
        if (current.version !== input.version) throw versionConflict("person", input.version, current.version);
        await trx
          .updateTable("people")
          .set({ name: JSON.stringify(input.name), version: current.version + 1, updated_at: sql<string>`now()` })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, actor, {
          action: "person.update",
          entityType: "person",
          entityId: id,
          before: { name: current.name },
          after: { name: input.name },
        });
      });
      return get(id);
    },

    async addPosition(personId: string, input: CreatePositionInput, actor: Actor): Promise<Person> {
      await db.transaction().execute(async (trx) => {
        const person = await trx.selectFrom("people").select("id").where("id", "=", personId).executeTakeFirst();
        if (!person) throw notFound("person", personId);
        const positionId = await insertPosition(trx, personId, input);
        await recordAudit(trx, actor, {
          action: "position.create",
          entityType: "position",
          entityId: positionId,
          before: null,
          after: input,
        });
      });
      return get(personId);
    },
  };
}
