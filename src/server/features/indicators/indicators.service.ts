import type { Kysely } from "kysely";
import type {
  CsvRowIssue,
  GrowthQuery,
  ImportedRow,
  Observation,
  ObservationImportResult,
  ObservationInput,
  ObservationListQuery,
} from "../../../shared/api/indicators.ts";
import { type GrowthResult, yearOnYearGrowth } from "../../../shared/growth.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { listSides } from "../commissions/commissions.repo.ts";
import {
  listObservations,
  lockObservations,
  type ObservationKey,
  type ObservationRow,
  upsertObservations,
} from "./indicators.repo.ts";
import { type CsvObservation, readObservationsCsv } from "./observations-csv.ts";

/** How many row problems the error message spells out; `details.rows` carries them all. */
const ISSUES_IN_MESSAGE = 5;

function present(row: ObservationRow): Observation {
  return {
    id: row.id,
    indicator: row.indicator as Observation["indicator"],
    reporter: row.reporter,
    period: row.period,
    value: row.value,
    unit: row.unit,
    source: row.source,
  };
}

const keyOf = (o: ObservationKey) => `${o.indicator}|${o.reporter}|${o.period}`;

/** The commission's countries; 404 when there is no such commission (every commission has its two sides). */
async function sidesOf(db: Kysely<DB>, commissionId: string): Promise<string[]> {
  const sides = (await listSides(db, commissionId)).map((s) => s.country_code);
  if (sides.length === 0) throw notFound("commission", commissionId);
  return sides;
}

const notASide = (country: string, sides: string[]) =>
  `${country} is not a side of this commission (${sides.join(", ")})`;

async function requireReporter(db: Kysely<DB>, commissionId: string, reporter: string): Promise<void> {
  const sides = await sidesOf(db, commissionId);
  if (!sides.includes(reporter)) {
    throw new AppError("validation_failed", `reporter: ${notASide(reporter, sides)}.`, { path: "reporter" });
  }
}

function csvRejected(issues: CsvRowIssue[]): AppError {
  const listed = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((i) => `line ${i.line}${i.column ? `, ${i.column}` : ""}: ${i.message}`)
    .join("; ");
  const more = issues.length > ISSUES_IN_MESSAGE ? `; and ${issues.length - ISSUES_IN_MESSAGE} more` : "";
  const message = `csv: nothing was imported, ${issues.length} problem(s): ${listed}${more}.`;
  return new AppError("validation_failed", message, { path: "csv", rows: issues });
}

function withoutLine({ line: _line, ...observation }: CsvObservation): ObservationInput {
  return observation;
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;

export function createIndicatorService(db: Kysely<DB>) {
  return {
    async list(commissionId: string, query: ObservationListQuery): Promise<Observation[]> {
      await sidesOf(db, commissionId);
      return (await listObservations(db, commissionId, query)).map(present);
    },

    async upsert(commissionId: string, input: ObservationInput, actor: Actor): Promise<Observation> {
      return db.transaction().execute(async (trx) => {
        await requireReporter(trx, commissionId, input.reporter);
        const [previous] = await lockObservations(trx, commissionId, input);
        const [written] = await upsertObservations(trx, commissionId, [input]);
        if (!written) throw new Error("The upsert returned no row.");
        const observation = present(written);
        await recordAudit(trx, actor, {
          action: previous ? "observation.update" : "observation.create",
          entityType: "observation",
          entityId: observation.id,
          before: previous ? present(previous) : null,
          after: observation,
        });
        return observation;
      });
    },

    /** All rows or none: any problem rejects the whole file with every problem listed by line and column. */
    async importCsv(
      commissionId: string,
      csv: string,
      dryRun: boolean,
      actor: Actor,
    ): Promise<ObservationImportResult> {
      const sides = await sidesOf(db, commissionId);
      const reading = readObservationsCsv(csv);
      const foreignReporters = reading.rows
        .filter((r) => !sides.includes(r.reporter))
        .map((r) => ({
          line: r.line,
          column: "reporter",
          message: notASide(r.reporter, sides),
        }));
      const issues = [...reading.issues, ...foreignReporters].sort((a, b) => a.line - b.line);
      if (issues.length > 0) throw csvRejected(issues);
      return db.transaction().execute(async (trx) => {
        const existing = new Map((await lockObservations(trx, commissionId)).map((row) => [keyOf(row), row]));
        const rows: ImportedRow[] = reading.rows.map((r) => ({
          ...r,
          action: existing.has(keyOf(r)) ? "update" : "create",
        }));
        const updated = rows.filter((r) => r.action === "update").length;
        const result = { dryRun, created: rows.length - updated, updated, rows };
        if (dryRun) return result;
        const inputs = reading.rows.map(withoutLine);
        await upsertObservations(trx, commissionId, inputs);
        await recordAudit(trx, actor, {
          action: "observation.import",
          entityType: "commission",
          entityId: commissionId,
          before: reading.rows.flatMap((r) => {
            const replaced = existing.get(keyOf(r));
            return replaced ? [present(replaced)] : [];
          }),
          after: { created: result.created, updated, rows: inputs },
        });
        return result;
      });
    },

    async growth(commissionId: string, query: GrowthQuery): Promise<GrowthResult> {
      await requireReporter(db, commissionId, query.reporter);
      const observations = await listObservations(db, commissionId, {
        indicator: query.indicator,
        reporter: query.reporter,
      });
      return yearOnYearGrowth(observations, query.from, query.to);
    },
  };
}
