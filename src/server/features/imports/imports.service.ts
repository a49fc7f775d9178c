import type { Kysely } from "kysely";
import type { AcceptImportInput, ExtractResult, ImportResult } from "../../../shared/api/imports.ts";
import { todayIso } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../audit.ts";
import { type AcceptedImport, acceptDraft } from "./accept-draft.ts";
import { type ExtractInput, extractForReview } from "./extract-for-review.ts";

/** Thrown inside a dry run's transaction so that it rolls back, carrying what the accept would have done. */
class DryRunRollback extends Error {
  readonly result: AcceptedImport;
  constructor(result: AcceptedImport) {
    super("dry run");
    this.result = result;
  }
}

export type ImportService = ReturnType<typeof createImportService>;

export function createImportService(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  return {
    extract(input: ExtractInput): Promise<ExtractResult> {
      return extractForReview(input);
    },

    /** One transaction per accept; a dry run does all of it and rolls back, answering what it would have done. */
    async accept(input: AcceptImportInput, actor: Actor, options: { dryRun?: boolean } = {}): Promise<ImportResult> {
      const dryRun = options.dryRun === true;
      try {
        const result = await db.transaction().execute(async (trx) => {
          const accepted = await acceptDraft(trx, input, actor, todayIso(clock()));
          if (dryRun) throw new DryRunRollback(accepted);
          return accepted;
        });
        return { dryRun, ...result };
      } catch (error) {
        if (error instanceof DryRunRollback) return { dryRun, ...error.result };
        throw error;
      }
    },
  };
}
