import type { Kysely } from "kysely";
import { type ImportedRecord, noRecords, type RecordCounts, type SkippedFact } from "../../../shared/api/imports.ts";
import type { Language, LocalizedText } from "../../../shared/i18n-text.ts";
import type { DB } from "../../db/schema.ts";
import { type Actor, recordAudit } from "../audit.ts";

/** What every step of an accept works with: the one transaction, who accepts, the draft's language, the tally. */
export type ImportContext = {
  trx: Kysely<DB>;
  actor: Actor;
  language: Language;
  /** ISO day the accept runs on: a session dated after it has agreed dates, not been held. */
  today: string;
  tally: ImportTally;
};

export type CommissionRef = { id: string; sides: string[] };
export type SessionRef = { id: string; number: number; hostCountry: string; date: string | null };

export type ImportTally = {
  created: RecordCounts;
  matched: RecordCounts;
  skipped: SkippedFact[];
  create: (record: ImportedRecord) => void;
  match: (record: ImportedRecord) => void;
  skip: (fact: string, reason: string) => void;
};

export function createTally(): ImportTally {
  const created = noRecords();
  const matched = noRecords();
  const skipped: SkippedFact[] = [];
  return {
    created,
    matched,
    skipped,
    create: (record) => {
      created[record] += 1;
    },
    match: (record) => {
      matched[record] += 1;
    },
    skip: (fact, reason) => {
      skipped.push({ fact, reason });
    },
  };
}

/** A text of the draft, stored under the draft's language. */
export function localized(context: ImportContext, text: string): LocalizedText {
  return { [context.language]: text };
}

/** The audit event of one record an accept writes, marked as coming from an import. */
export async function auditImport(
  context: ImportContext,
  entry: { action: string; entityType: string; entityId: string; before?: unknown; after: Record<string, unknown> },
): Promise<void> {
  await recordAudit(context.trx, context.actor, {
    ...entry,
    before: entry.before ?? null,
    after: { via: "import", ...entry.after },
  });
}
