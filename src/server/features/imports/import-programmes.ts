import type { ImportDraft } from "../../../shared/api/imports.ts";
import { auditImport, type CommissionRef, type ImportContext, localized } from "./import-context.ts";
import { findProgrammeOfYears, insertProgramme } from "./imports.repo.ts";

type ProgrammeFact = ImportDraft["programmes"][number];

const ROADMAP = /(?<!\p{L})(?:дорожн\p{L}* карт|road ?map|yol xəritə)/iu;

/** Programmes and roadmaps, matched by the commission and their years (a commission has one plan per period). */
export async function importProgrammes(
  context: ImportContext,
  commission: CommissionRef,
  facts: ProgrammeFact[],
): Promise<void> {
  for (const fact of facts) {
    if (await findProgrammeOfYears(context.trx, commission.id, fact.start_year, fact.end_year)) {
      context.tally.match("programmes");
      continue;
    }
    const programme = {
      commissionId: commission.id,
      kind: ROADMAP.test(fact.name) ? ("roadmap" as const) : ("programme" as const),
      sector: fact.sector ?? null,
      title: localized(context, fact.name.charAt(0).toUpperCase() + fact.name.slice(1)),
      startYear: fact.start_year,
      endYear: fact.end_year,
    };
    const id = await insertProgramme(context.trx, programme);
    await auditImport(context, { action: "programme.create", entityType: "programme", entityId: id, after: programme });
    context.tally.create("programmes");
  }
}
