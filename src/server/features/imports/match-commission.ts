import type { ImportDraft } from "../../../shared/api/imports.ts";
import { AppError } from "../../http/errors.ts";
import { listSides } from "../commissions/commissions.repo.ts";
import { commissionTitle } from "./commission-name.ts";
import { auditImport, type CommissionRef, type ImportContext, localized } from "./import-context.ts";
import { findCommissionOfCountries, insertCommission } from "./imports.repo.ts";

async function sidesOf(context: ImportContext, commissionId: string): Promise<string[]> {
  return (await listSides(context.trx, commissionId)).map((s) => s.country_code);
}

/** The commission the reviewer chose, else the one of the draft's two countries, else a new one for them. */
export async function matchCommission(
  context: ImportContext,
  commissionId: string | undefined,
  fact: ImportDraft["commission"],
): Promise<CommissionRef> {
  if (commissionId) {
    const sides = await sidesOf(context, commissionId);
    if (sides.length === 0) {
      throw new AppError("validation_failed", `commissionId: no commission with id ${commissionId}.`, {
        path: "commissionId",
      });
    }
    context.tally.match("commissions");
    return { id: commissionId, sides };
  }
  const countries = fact?.countries as [string, string] | undefined;
  if (!countries) {
    throw new AppError(
      "validation_failed",
      "draft.commission.countries: give the commission's two countries, or the commissionId to attach to.",
      { path: "draft.commission.countries" },
    );
  }
  const existing = await findCommissionOfCountries(context.trx, countries);
  if (existing) {
    context.tally.match("commissions");
    return { id: existing.id, sides: await sidesOf(context, existing.id) };
  }
  const name = localized(context, commissionTitle(fact?.name, countries, context.language));
  const id = await insertCommission(context.trx, { countries, name });
  await auditImport(context, {
    action: "commission.create",
    entityType: "commission",
    entityId: id,
    after: { countries, name },
  });
  context.tally.create("commissions");
  return { id, sides: countries };
}
