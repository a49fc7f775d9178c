import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";

const NAMES = { people: "person", organizations: "organisation" } as const;

/**
 * Each `field` must name an existing row of `table`. Says which field names what, as a 400, where the foreign key
 * alone would fail the insert with a 500.
 */
export async function checkReferences(
  trx: Kysely<DB>,
  table: keyof typeof NAMES,
  references: { field: string; id: string | null | undefined }[],
): Promise<void> {
  const given = references.filter((r): r is { field: string; id: string } => Boolean(r.id));
  if (given.length === 0) return;
  const ids = [...new Set(given.map((r) => r.id))];
  const found = new Set((await trx.selectFrom(table).select("id").where("id", "in", ids).execute()).map((r) => r.id));
  const missing = given.find((r) => !found.has(r.id));
  if (missing) {
    throw new AppError("validation_failed", `${missing.field}: no ${NAMES[table]} with id ${missing.id}.`, {
      path: missing.field,
    });
  }
}
