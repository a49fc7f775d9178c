import type { ImportDraft } from "../../../shared/api/imports.ts";
import { dueDateOf } from "../../../shared/deadline.ts";
import { nextPosition, replaceResponsibles } from "../commitments/commitments.repo.ts";
import { normalizeName } from "../organizations/organizations.service.ts";
import { auditImport, type CommissionRef, type ImportContext, localized, type SessionRef } from "./import-context.ts";
import { insertCommitment, listCommitmentTexts } from "./imports.repo.ts";
import type { OrganizationFinder } from "./match-organizations.ts";

type CommitmentFact = ImportDraft["commitments"][number];
type Responsible = { organizationId: string; side: string; lead: boolean };

/** The form a commitment's text is matched on: normalised like a name, without the closing punctuation. */
export function commitmentKey(text: string): string {
  return normalizeName(text)
    .replace(/[\s.;,:!]+$/u, "")
    .trim();
}

/**
 * The responsible organisations of one item, each for the side of its country. An organisation whose country is
 * not one of the two sides cannot be assigned; it is reported in `skipped` instead.
 */
async function responsiblesOf(
  context: ImportContext,
  commission: CommissionRef,
  fact: CommitmentFact,
  index: number,
  findOrganization: OrganizationFinder,
): Promise<Responsible[]> {
  const responsible = new Map<string, Responsible>();
  for (const [j, name] of fact.responsible.entries()) {
    const path = `commitments.${index}.responsible.${j}`;
    const organization = await findOrganization(name, path);
    if (!organization) continue;
    if (organization.country && commission.sides.includes(organization.country)) {
      responsible.set(organization.id, { organizationId: organization.id, side: organization.country, lead: false });
    } else {
      const country = organization.country ? `is from ${organization.country}` : "has no country on record";
      context.tally.skip(path, `«${name}» ${country}, so it is not assigned to a side; assign it on the commitment.`);
    }
  }
  return [...responsible.values()];
}

/**
 * Adds the session's commitments. One already in the session with the same normalised text (in any language) is
 * matched and left as it is, so importing a document again adds nothing.
 */
export async function importCommitments(
  context: ImportContext,
  commission: CommissionRef,
  session: SessionRef,
  facts: CommitmentFact[],
  findOrganization: OrganizationFinder,
): Promise<void> {
  const stored = new Map<string, string>();
  for (const row of await listCommitmentTexts(context.trx, session.id)) {
    for (const text of Object.values(row.text)) if (text) stored.set(commitmentKey(text), row.id);
  }
  let position = await nextPosition(context.trx, session.id);
  for (const [index, fact] of facts.entries()) {
    for (const [j, name] of fact.organizations.entries()) {
      await findOrganization(name, `commitments.${index}.organizations.${j}`);
    }
    const key = commitmentKey(fact.text);
    if (stored.has(key)) {
      context.tally.match("commitments");
      continue;
    }
    const responsible = await responsiblesOf(context, commission, fact, index, findOrganization);
    const deadline = fact.deadline ?? null;
    const values = {
      commissionId: commission.id,
      sessionId: session.id,
      itemNumber: fact.item ?? null,
      position,
      sector: fact.sector,
      text: localized(context, fact.text),
      deadline,
      dueDate: dueDateOf(deadline),
    };
    const id = await insertCommitment(context.trx, values);
    await replaceResponsibles(context.trx, { id, commission_id: commission.id }, responsible);
    await auditImport(context, {
      action: "commitment.create",
      entityType: "commitment",
      entityId: id,
      after: { ...values, responsible },
    });
    context.tally.create("commitments");
    stored.set(key, id);
    position += 1;
  }
}
