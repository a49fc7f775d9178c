import { type Kysely, sql } from "kysely";
import type {
  AppointCoChairInput,
  CommissionDetail,
  CommissionPage,
  CommissionSummary,
  CreateCommissionInput,
  UpdateCommissionInput,
} from "../../../shared/api/commissions.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { cursorPosition, toPage } from "../pagination.ts";
import { insertPosition } from "../people/people.service.ts";
import { programmeProgress } from "../programmes/programmes.service.ts";
import { listSessionsOfCommissions } from "../sessions/sessions.repo.ts";
import { presentSession } from "../sessions/sessions.service.ts";
import {
  COMMISSION_SORT,
  findCommission,
  listCoChairs,
  listCommissions,
  listFigures,
  listProgrammes,
  listSides,
} from "./commissions.repo.ts";

type CommissionRow = NonNullable<Awaited<ReturnType<typeof findCommission>>>;

function presentSummary(row: CommissionRow): CommissionSummary {
  return {
    id: row.id,
    countries: [row.country_a, row.country_b],
    name: row.name,
    shortName: row.short_name,
    sessionCount: row.session_count,
    isDemo: row.is_demo,
  };
}

export type CommissionService = ReturnType<typeof createCommissionService>;

async function checkCountries(trx: Kysely<DB>, countries: string[]): Promise<void> {
  const known = await trx.selectFrom("countries").select("code").where("code", "in", countries).execute();
  countries.forEach((code, i) => {
    if (!known.some((k) => k.code === code)) {
      throw new AppError("validation_failed", `countries.${i}: ${code} is not a country IGC Desk knows.`, {
        path: `countries.${i}`,
      });
    }
  });
}

async function writeSecretariats(
  trx: Kysely<DB>,
  commissionId: string,
  secretariats: UpdateCommissionInput["secretariats"],
) {
  for (const [i, s] of (secretariats ?? []).entries()) {
    const updated = await trx
      .updateTable("commission_sides")
      .set({ secretariat_organization_id: s.organizationId })
      .where("commission_id", "=", commissionId)
      .where("country_code", "=", s.country)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) {
      throw new AppError(
        "validation_failed",
        `secretariats.${i}.country: ${s.country} is not a side of this commission.`,
      );
    }
  }
}

export function createCommissionService(db: Kysely<DB>) {
  async function get(id: string): Promise<CommissionDetail> {
    const row = await findCommission(db, id);
    if (!row) throw notFound("commission", id);
    const [sides, coChairs, sessions, programmes, figures] = await Promise.all([
      listSides(db, id),
      listCoChairs(db, id),
      listSessionsOfCommissions(db, [id]),
      listProgrammes(db, id),
      listFigures(db, id),
    ]);
    const progress = await programmeProgress(
      db,
      programmes.map((p) => p.id),
    );
    return {
      ...presentSummary(row),
      version: row.version,
      foundedOn: row.founded_on,
      sides: sides.map((s) => ({
        country: s.country_code,
        secretariat:
          s.secretariat_organization_id && s.secretariat_name
            ? { id: s.secretariat_organization_id, name: s.secretariat_name }
            : null,
      })),
      coChairs: coChairs.map((c) => ({
        side: c.side,
        personId: c.person_id,
        name: c.name,
        position: c.title,
        startsOn: c.starts_on,
        endsOn: c.ends_on,
      })),
      sessions: sessions.map(presentSession),
      programmes: programmes.map((p) => ({
        id: p.id,
        kind: p.kind as "programme" | "roadmap",
        sector: p.sector_code,
        title: p.title,
        startYear: p.start_year,
        endYear: p.end_year,
        commitmentCount: progress.get(p.id)?.commitmentCount ?? 0,
        progress: progress.get(p.id)?.progress ?? null,
      })),
      figures: figures.map((f) => ({
        id: f.id,
        sessionId: f.session_id,
        indicator: f.indicator,
        kind: f.kind as "growth_yoy" | "value",
        comparator: f.comparator as "more_than" | "less_than" | "about" | "exactly",
        value: f.value,
        unit: f.unit,
        periodStart: f.period_start,
        periodEnd: f.period_end,
        source: f.source,
      })),
    };
  }

  return {
    get,

    async create(input: CreateCommissionInput, actor: Actor): Promise<CommissionDetail> {
      const id = await db.transaction().execute(async (trx) => {
        await checkCountries(trx, input.countries);
        const [countryA, countryB] = [...input.countries].sort() as [string, string];
        const row = await trx
          .insertInto("commissions")
          .values({
            country_a: countryA,
            country_b: countryB,
            name: JSON.stringify(input.name),
            short_name: input.shortName ? JSON.stringify(input.shortName) : null,
            founded_on: input.foundedOn ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("commission_sides")
          .values(
            input.countries.map((country) => ({
              commission_id: row.id,
              country_code: country,
              secretariat_organization_id: null,
            })),
          )
          .execute();
        await writeSecretariats(trx, row.id, input.secretariats);
        await recordAudit(trx, actor, {
          action: "commission.create",
          entityType: "commission",
          entityId: row.id,
          before: null,
          after: input,
        });
        return row.id;
      });
      return get(id);
    },

    async update(id: string, input: UpdateCommissionInput, actor: Actor): Promise<CommissionDetail> {
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom("commissions")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw notFound("commission", id);
        if (current.version !== input.version) throw versionConflict("commission", input.version, current.version);
        await trx
          .updateTable("commissions")
          .set({
            ...(input.name ? { name: JSON.stringify(input.name) } : {}),
            ...(input.shortName !== undefined
              ? { short_name: input.shortName ? JSON.stringify(input.shortName) : null }
              : {}),
            ...(input.foundedOn !== undefined ? { founded_on: input.foundedOn } : {}),
            version: current.version + 1,
            updated_at: sql<string>`now()`,
          })
          .where("id", "=", id)
          .execute();
        await writeSecretariats(trx, id, input.secretariats);
        const { version: _version, ...changes } = input;
        await recordAudit(trx, actor, {
          action: "commission.update",
          entityType: "commission",
          entityId: id,
          before: current,
          after: changes,
        });
      });
      return get(id);
    },

    /**
     * Records who co-chairs for a side from a date on. The previous co-chair of that side, if still in office,
     * ends the day before, so the history of co-chairs is kept rather than overwritten.
     */
    async appointCoChair(id: string, input: AppointCoChairInput, actor: Actor): Promise<CommissionDetail> {
      await db.transaction().execute(async (trx) => {
        const side = await trx
          .selectFrom("commission_sides")
          .select("country_code")
          .where("commission_id", "=", id)
          .where("country_code", "=", input.side)
          .executeTakeFirst();
        if (!side) {
          const exists = await trx.selectFrom("commissions").select("id").where("id", "=", id).executeTakeFirst();
          if (!exists) throw notFound("commission", id);
          throw new AppError("validation_failed", `side: ${input.side} is not a side of this commission.`);
        }
        const person = await trx.selectFrom("people").select("id").where("id", "=", input.personId).executeTakeFirst();
        if (!person) throw new AppError("validation_failed", `personId: no person with id ${input.personId}.`);
        let positionId = input.positionId;
        if (positionId) {
          const position = await trx
            .selectFrom("positions")
            .select("id")
            .where("id", "=", positionId)
            .where("person_id", "=", input.personId)
            .executeTakeFirst();
          if (!position) throw new AppError("validation_failed", "positionId: not a position of this person.");
        } else if (input.positionTitle) {
          positionId = await insertPosition(trx, input.personId, {
            title: input.positionTitle,
            startsOn: input.startsOn ?? null,
          });
        }
        const startsOn = input.startsOn ?? null;
        if (startsOn) {
          await trx
            .updateTable("commission_co_chairs")
            .set({ ends_on: sql<string>`(${startsOn}::date - 1)` })
            .where("commission_id", "=", id)
            .where("side", "=", input.side)
            .where("ends_on", "is", null)
            .where((eb) => eb.or([eb("starts_on", "is", null), eb("starts_on", "<", startsOn)]))
            .execute();
        }
        const row = await trx
          .insertInto("commission_co_chairs")
          .values({
            commission_id: id,
            side: input.side,
            position_id: positionId as string,
            starts_on: startsOn,
            ends_on: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: "commission.appoint_co_chair",
          entityType: "commission",
          entityId: id,
          before: null,
          after: { ...input, coChairId: row.id },
        });
      });
      return get(id);
    },

    /** `visible`: the commissions the caller may see (null: all of them). */
    async list(
      query: { limit: number; cursor?: string | undefined },
      visible: string[] | null = null,
    ): Promise<CommissionPage> {
      const after = cursorPosition(query.cursor, COMMISSION_SORT);
      const rows = await listCommissions(db, after, query.limit + 1, visible);
      return toPage(
        rows,
        query.limit,
        (page) => page.map(presentSummary),
        (r) => [r.created_at, r.id],
      );
    },
  };
}
