import { type Kysely, sql } from "kysely";
import type {
  CreateMeasureInput,
  CreateProgrammeInput,
  ProgrammeDetail,
  UpdateProgrammeInput,
} from "../../../shared/api/programmes.ts";
import { rollUpProgress } from "../../../shared/rollup.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { listMeasures, listProgrammeCommitments } from "./programmes.repo.ts";

type ImplementingCommitment = Awaited<ReturnType<typeof listProgrammeCommitments>>[number];

function progressOf(commitments: ImplementingCommitment[]) {
  return {
    commitmentCount: commitments.length,
    progress: rollUpProgress(commitments.map((c) => ({ progress: c.progress, dropped: c.status === "dropped" }))),
  };
}

/** Progress of several programmes at once, for the commission overview. */
export async function programmeProgress(db: Kysely<DB>, programmeIds: string[]) {
  const commitments = await listProgrammeCommitments(db, programmeIds);
  return new Map(programmeIds.map((id) => [id, progressOf(commitments.filter((c) => c.programme_id === id))]));
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>;

export function createProgrammeService(db: Kysely<DB>) {
  async function get(id: string): Promise<ProgrammeDetail> {
    const programme = await db.selectFrom("programmes").selectAll().where("id", "=", id).executeTakeFirst();
    if (!programme) throw notFound("programme", id);
    const [measures, commitments] = await Promise.all([listMeasures(db, id), listProgrammeCommitments(db, [id])]);
    return {
      id: programme.id,
      commissionId: programme.commission_id,
      kind: programme.kind as ProgrammeDetail["kind"],
      sector: programme.sector_code,
      title: programme.title,
      startYear: programme.start_year,
      endYear: programme.end_year,
      version: programme.version,
      ...progressOf(commitments),
      measures: measures.map((m) => ({
        id: m.id,
        code: m.code,
        title: m.title,
        sector: m.sector_code,
        dueYear: m.due_year,
        weight: m.weight,
        version: m.version,
        ...progressOf(commitments.filter((c) => c.measure_id === m.id)),
      })),
    };
  }

  return {
    get,

    async create(commissionId: string, input: CreateProgrammeInput, actor: Actor): Promise<ProgrammeDetail> {
      const id = await db.transaction().execute(async (trx) => {
        const commission = await trx
          .selectFrom("commissions")
          .select("id")
          .where("id", "=", commissionId)
          .executeTakeFirst();
        if (!commission) throw notFound("commission", commissionId);
        const row = await trx
          .insertInto("programmes")
          .values({
            commission_id: commissionId,
            kind: input.kind,
            sector_code: input.sector ?? null,
            title: JSON.stringify(input.title),
            start_year: input.startYear,
            end_year: input.endYear,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: "programme.create",
          entityType: "programme",
          entityId: row.id,
          before: null,
          after: input,
        });
        return row.id;
      });
      return get(id);
    },

    async update(id: string, input: UpdateProgrammeInput, actor: Actor): Promise<ProgrammeDetail> {
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom("programmes")
          .selectAll()
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw notFound("programme", id);
        if (current.version !== input.version) throw versionConflict("programme", input.version, current.version);
        const startYear = input.startYear ?? current.start_year;
        const endYear = input.endYear ?? current.end_year;
        if (endYear < startYear)
          throw new AppError("validation_failed", "endYear: must not be before startYear.", { path: "endYear" });
        await trx
          .updateTable("programmes")
          .set({
            sector_code: input.sector === undefined ? current.sector_code : input.sector,
            title: JSON.stringify(input.title ?? current.title),
            start_year: startYear,
            end_year: endYear,
            version: current.version + 1,
          })
          .where("id", "=", id)
          .execute();
        const { version: _version, ...changes } = input;
        await recordAudit(trx, actor, {
          action: "programme.update",
          entityType: "programme",
          entityId: id,
          before: current,
          after: changes,
        });
      });
      return get(id);
    },

    async addMeasure(programmeId: string, input: CreateMeasureInput, actor: Actor): Promise<ProgrammeDetail> {
      await db.transaction().execute(async (trx) => {
        const programme = await trx
          .selectFrom("programmes")
          .select("id")
          .where("id", "=", programmeId)
          .forUpdate()
          .executeTakeFirst();
        if (!programme) throw notFound("programme", programmeId);
        const next = await trx
          .selectFrom("programme_measures")
          .select(sql<number>`coalesce(max(position) + 1, 0)`.as("position"))
          .where("programme_id", "=", programmeId)
          .executeTakeFirstOrThrow();
        const row = await trx
          .insertInto("programme_measures")
          .values({
            programme_id: programmeId,
            code: input.code ?? null,
            title: JSON.stringify(input.title),
            sector_code: input.sector ?? null,
            due_year: input.dueYear ?? null,
            weight: input.weight ?? null,
            position: next.position,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: "programme.add_measure",
          entityType: "programme_measure",
          entityId: row.id,
          before: null,
          after: input,
        });
      });
      return get(programmeId);
    },
  };
}
