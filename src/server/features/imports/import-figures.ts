import type { ImportDraft } from "../../../shared/api/imports.ts";
import { readFigure } from "./figure-reading.ts";
import { auditImport, type CommissionRef, type ImportContext, localized, type SessionRef } from "./import-context.ts";
import { findFigure, insertFigure } from "./imports.repo.ts";

type FigureFact = ImportDraft["figures"][number];

/** Trade figures the document reports, kept as reported figures of the session; unclear ones are skipped. */
export async function importFigures(
  context: ImportContext,
  commission: CommissionRef,
  session: SessionRef | null,
  facts: FigureFact[],
): Promise<void> {
  const sessionId = session?.id ?? null;
  for (const [index, fact] of facts.entries()) {
    const reading = readFigure(fact);
    if ("reason" in reading) {
      context.tally.skip(`figures.${index}`, `${fact.value} ${fact.unit}: ${reading.reason}`);
      continue;
    }
    const figure = { ...reading.figure, source: localized(context, fact.text) };
    if (await findFigure(context.trx, commission.id, sessionId, figure)) {
      context.tally.match("figures");
      continue;
    }
    const id = await insertFigure(context.trx, commission.id, sessionId, figure);
    await auditImport(context, {
      action: "reported_figure.create",
      entityType: "reported_figure",
      entityId: id,
      after: { sessionId, ...figure },
    });
    context.tally.create("figures");
  }
}
