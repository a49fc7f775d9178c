import type { Kysely } from "kysely";
import { commitmentSheet } from "../../../documents/sheets/commitment-sheet.ts";
import { writeCsv } from "../../../documents/sheets/csv.ts";
import { writeXlsx } from "../../../documents/sheets/xlsx.ts";
import type { CommitmentExportQuery } from "../../../shared/api/exports.ts";
import type { DB } from "../../db/schema.ts";
import type { CommitmentService } from "../commitments/commitments.service.ts";
import { listAllCommitments } from "./commitment-stream.ts";
import { MEDIA_TYPES, type ProducedFile } from "./document-exports.ts";

export const SHEET_FORMATS = ["csv", "xlsx"] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** The sides of the commissions the commitments belong to: one "responsible" column each. */
async function sidesOf(db: Kysely<DB>, commissionIds: string[]): Promise<string[]> {
  if (commissionIds.length === 0) return [];
  const rows = await db
    .selectFrom("commission_sides")
    .select("country_code")
    .distinct()
    .where("commission_id", "in", commissionIds)
    .orderBy("country_code")
    .execute();
  return rows.map((r) => r.country_code);
}

export function createSheetExports(db: Kysely<DB>, commitments: CommitmentService) {
  return {
    /** The commitment list as filtered on screen, every page of it, as a spreadsheet. */
    async commitments(query: CommitmentExportQuery, format: SheetFormat): Promise<ProducedFile> {
      const { lang, ...filter } = query;
      const items = await listAllCommitments(commitments, filter);
      const sides = await sidesOf(db, [...new Set(items.map((c) => c.commissionId))]);
      const sheet = commitmentSheet(items, sides, lang);
      return {
        fileName: `commitments.${format}`,
        mediaType: MEDIA_TYPES[format],
        content: format === "csv" ? Buffer.from(writeCsv(sheet), "utf8") : await writeXlsx(sheet),
      };
    },
  };
}
