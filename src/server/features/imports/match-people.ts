import type { ImportDraft } from "../../../shared/api/imports.ts";
import { addDays } from "../notifications/iso-days.ts";
import { normalizeName } from "../organizations/organizations.service.ts";
import { insertPosition } from "../people/people.service.ts";
import { auditImport, type CommissionRef, type ImportContext, localized, type SessionRef } from "./import-context.ts";
import {
  type CoChairTerm,
  endCoChairTerm,
  findPeopleWithWords,
  insertCoChairTerm,
  insertPerson,
  listCoChairTerms,
} from "./imports.repo.ts";
import { positionTitle } from "./position-title.ts";

type CoChairFact = ImportDraft["co_chairs"][number];
export type Signatory = { personId: string; side: string };

const CO_CHAIR_TITLE = { ru: "Сопредседатель Комиссии", en: "Co-chair of the Commission", az: "Komissiyanın həmsədri" };

export type PeopleMatcher = {
  /** Records the co-chair a document names, unless that person already co-chairs (or co-chaired) for the side. */
  recordCoChair: (fact: CoChairFact, index: number) => Promise<void>;
  /** The person who signed for a side; null, with the reason in `skipped`, when the side is not known. */
  signatory: (name: string, fact: string) => Promise<Signatory | null>;
};

/** People matched by their normalised name in any language they are stored in; co-chairs kept as terms of office. */
export function peopleMatcher(
  context: ImportContext,
  commission: CommissionRef,
  session: SessionRef | null,
): PeopleMatcher {
  const personByName = new Map<string, string>();
  const sideByName = new Map<string, string>();

  async function findPerson(name: string): Promise<string | null> {
    const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return null;
    const wanted = normalizeName(name);
    const candidates = await findPeopleWithWords(context.trx, words);
    return (
      candidates.find((person) => Object.values(person.name).some((written) => normalizeName(written) === wanted))
        ?.id ?? null
    );
  }

  async function personCalled(name: string): Promise<string> {
    const key = normalizeName(name);
    const known = personByName.get(key) ?? (await findPerson(name));
    if (known) {
      if (!personByName.has(key)) context.tally.match("people");
      personByName.set(key, known);
      return known;
    }
    const personName = localized(context, name);
    const id = await insertPerson(context.trx, personName);
    await auditImport(context, {
      action: "person.create",
      entityType: "person",
      entityId: id,
      after: { name: personName },
    });
    context.tally.create("people");
    personByName.set(key, id);
    return id;
  }

  async function sideCoChairedBy(name: string): Promise<string | undefined> {
    const personId = personByName.get(normalizeName(name)) ?? (await findPerson(name));
    if (!personId) return undefined;
    return (await listCoChairTerms(context.trx, commission.id)).find((t) => t.person_id === personId)?.side;
  }

  /** As appointing does: the term in office on the start day ends the day before; a later term bounds this one. */
  async function appoint(side: string, personId: string, terms: CoChairTerm[], title: string): Promise<void> {
    const startsOn = session?.date ?? null;
    const positionId = await insertPosition(context.trx, personId, { title: localized(context, title), startsOn });
    let endsOn: string | null = null;
    if (startsOn) {
      const inOffice = terms.find(
        (t) => (t.starts_on === null || t.starts_on < startsOn) && (t.ends_on === null || t.ends_on >= startsOn),
      );
      if (inOffice) await endCoChairTerm(context.trx, inOffice.id, addDays(startsOn, -1));
      const later = terms.find((t) => t.starts_on !== null && t.starts_on > startsOn);
      if (later?.starts_on) endsOn = addDays(later.starts_on, -1);
    }
    const termId = await insertCoChairTerm(context.trx, {
      commissionId: commission.id,
      side,
      positionId,
      startsOn,
      endsOn,
    });
    await auditImport(context, {
      action: "commission.appoint_co_chair",
      entityType: "commission",
      entityId: commission.id,
      after: { side, personId, positionId, startsOn, endsOn, coChairId: termId },
    });
    context.tally.create("coChairs");
  }

  return {
    async recordCoChair(fact, index) {
      const side = fact.country;
      if (!side || !commission.sides.includes(side)) {
        const why = side ? `${side} is not a side of this commission` : "the draft does not say which side";
        context.tally.skip(`co_chairs.${index}`, `${fact.name}: ${why}, so the co-chair is not recorded.`);
        return;
      }
      sideByName.set(normalizeName(fact.name), side);
      const personId = await personCalled(fact.name);
      const terms = (await listCoChairTerms(context.trx, commission.id)).filter((t) => t.side === side);
      if (terms.some((t) => t.person_id === personId)) {
        context.tally.match("coChairs");
        return;
      }
      const title = fact.position ? positionTitle(fact.position, context.language) : CO_CHAIR_TITLE[context.language];
      await appoint(side, personId, terms, title);
    },

    async signatory(name, fact) {
      const side = sideByName.get(normalizeName(name)) ?? (await sideCoChairedBy(name));
      if (!side) {
        context.tally.skip(fact, `${name}: not a co-chair of this commission, so the side they signed for is unknown.`);
        return null;
      }
      return { personId: await personCalled(name), side };
    },
  };
}
