import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../audit.ts";
import { createCarryOverService } from "../carry-over/carry-over.service.ts";
import { createCommissionService } from "../commissions/commissions.service.ts";
import { createCommitmentService } from "../commitments/commitments.service.ts";
import { createSessionService } from "../sessions/sessions.service.ts";
import { createCalendarExports } from "./calendar-exports.ts";
import { type ImportRequest, importCommitments } from "./commitment-import.ts";
import { createDocumentExports } from "./document-exports.ts";
import { createSheetExports } from "./sheet-exports.ts";

export type ExportService = ReturnType<typeof createExportService>;

/** Documents out (protocol, report, press release), calendars, spreadsheets, and the spreadsheet import. */
export function createExportService(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  const sources = {
    sessions: createSessionService(db),
    commissions: createCommissionService(db),
    commitments: createCommitmentService(db, clock),
    carryOver: createCarryOverService(db, clock),
  };
  return {
    documents: createDocumentExports(sources),
    calendars: createCalendarExports(db, sources),
    sheets: createSheetExports(db, sources.commitments),
    importCommitments: (sessionId: string, request: ImportRequest, actor: Actor) =>
      importCommitments(db, sessionId, request, actor),
  };
}
