import type { Kysely } from "kysely";
import type { AcceptImportInput, ImportResult } from "../../../shared/api/imports.ts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../audit.ts";
import { importCommitments } from "./import-commitments.ts";
import { auditImport, createTally, type ImportContext } from "./import-context.ts";
import { importDocuments } from "./import-documents.ts";
import { importEvents } from "./import-events.ts";
import { importFigures } from "./import-figures.ts";
import { importProgrammes } from "./import-programmes.ts";
import { waitForOtherImports } from "./imports.repo.ts";
import { matchCommission } from "./match-commission.ts";
import { organizationFinder } from "./match-organizations.ts";
import { peopleMatcher } from "./match-people.ts";
import { matchSession, planNextSession } from "./match-session.ts";

export type AcceptedImport = Omit<ImportResult, "dryRun">;

/**
 * Writes a reviewed draft into the register inside the caller's transaction: each fact matched to the record it
 * already is, or created, with an audit event per record and one for the import as a whole.
 */
export async function acceptDraft(
  trx: Kysely<DB>,
  input: AcceptImportInput,
  actor: Actor,
  today: string,
): Promise<AcceptedImport> {
  const { draft } = input;
  const context: ImportContext = { trx, actor, language: draft.language, today, tally: createTally() };
  const { tally } = context;
  await waitForOtherImports(trx);
  const commission = await matchCommission(context, input.commissionId, draft.commission);
  const session = await matchSession(context, commission, draft.session);
  const people = peopleMatcher(context, commission, session);
  for (const [index, coChair] of draft.co_chairs.entries()) await people.recordCoChair(coChair, index);

  const findOrganization = organizationFinder(context, commission);
  for (const [index, organization] of draft.organizations.entries()) {
    await findOrganization(organization.name, `organizations.${index}`, {
      fullName: organization.full_name,
      country: organization.country,
    });
  }
  if (session) {
    await importCommitments(context, commission, session, draft.commitments, findOrganization);
    await importEvents(context, session, draft);
  } else {
    for (const key of ["commitments", "site_visits"] as const) {
      if (draft[key].length > 0) tally.skip(key, "There is no session to attach them to.");
    }
  }
  await importProgrammes(context, commission, draft.programmes);
  await importFigures(context, commission, session, draft.figures);
  await importDocuments(context, { commission, session, source: input.source ?? null }, draft, people);
  if (draft.next_session) await planNextSession(context, commission, session, draft.next_session);

  const result = {
    commissionId: commission.id,
    sessionId: session?.id ?? null,
    created: tally.created,
    matched: tally.matched,
    skipped: tally.skipped,
  };
  await auditImport(context, {
    action: "import.accept",
    entityType: "commission",
    entityId: commission.id,
    after: { fileName: input.source?.fileName ?? null, ...result },
  });
  return result;
}
