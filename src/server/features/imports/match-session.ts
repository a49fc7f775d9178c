import type { ImportDraft } from "../../../shared/api/imports.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { SessionStatus } from "../../db/schema.ts";
import { auditImport, type CommissionRef, type ImportContext, localized, type SessionRef } from "./import-context.ts";
import {
  findSessionByDate,
  findSessionByNumber,
  insertSession,
  type SessionValues,
  type StoredSession,
  updateSessionRow,
} from "./imports.repo.ts";

type SessionFact = NonNullable<ImportDraft["session"]>;
type NextSessionFact = NonNullable<ImportDraft["next_session"]>;

const STATUS_ORDER: SessionStatus[] = ["planned", "dates_agreed", "held"];

/** A session the document dates was held by then, or is agreed for that day when the day is still to come. */
function statusOn(date: string, today: string): SessionStatus {
  return date > today ? "dates_agreed" : "held";
}

const refOf = (id: string, values: Pick<SessionValues, "number" | "host_country" | "starts_on">): SessionRef => ({
  id,
  number: values.number,
  hostCountry: values.host_country,
  date: values.starts_on,
});

function sideOrSkip(
  context: ImportContext,
  commission: CommissionRef,
  country: string | null | undefined,
  fact: string,
) {
  if (!country) return null;
  if (commission.sides.includes(country)) return country;
  context.tally.skip(fact, `${country} is not a side of this commission (${commission.sides.join(", ")}).`);
  return null;
}

/** The stored session with what the document adds: its date, city and host; a status only ever moves forward. */
function updatedValues(
  context: ImportContext,
  stored: StoredSession,
  fact: SessionFact,
  hostCountry: string | null,
): SessionValues {
  const date = fact.date ?? stored.starts_on;
  const status = fact.date ? statusOn(fact.date, context.today) : stored.status;
  const city: LocalizedText | null = fact.city ? { ...stored.city, [context.language]: fact.city } : stored.city;
  return {
    number: stored.number,
    host_country: hostCountry ?? stored.host_country,
    city,
    starts_on: date,
    ends_on: stored.ends_on && date && stored.ends_on >= date ? stored.ends_on : null,
    status: STATUS_ORDER.indexOf(status) > STATUS_ORDER.indexOf(stored.status) ? status : stored.status,
    dates_via_diplomatic_channels: date ? false : stored.dates_via_diplomatic_channels,
  };
}

function sameValues(stored: StoredSession, values: SessionValues): boolean {
  return (Object.keys(values) as (keyof SessionValues)[]).every(
    (key) => JSON.stringify(stored[key]) === JSON.stringify(values[key]),
  );
}

async function updateSession(context: ImportContext, stored: StoredSession, values: SessionValues): Promise<void> {
  if (sameValues(stored, values)) return;
  await updateSessionRow(context.trx, stored.id, { ...values, version: stored.version + 1 });
  await auditImport(context, {
    action: "session.update",
    entityType: "session",
    entityId: stored.id,
    before: stored,
    after: { ...values },
  });
}

async function createSession(context: ImportContext, commission: CommissionRef, values: SessionValues) {
  const id = await insertSession(context.trx, commission.id, values);
  await auditImport(context, { action: "session.create", entityType: "session", entityId: id, after: { ...values } });
  context.tally.create("sessions");
  return refOf(id, values);
}

/**
 * The session the document reports: matched by its number (or, unnumbered, by its date) and updated with what
 * the document adds, else created. Null, with the reason in `skipped`, when it can be neither found nor created.
 */
export async function matchSession(
  context: ImportContext,
  commission: CommissionRef,
  fact: ImportDraft["session"],
): Promise<SessionRef | null> {
  if (!fact) {
    context.tally.skip("session", "The draft names no session; its commitments and events have nothing to attach to.");
    return null;
  }
  const hostCountry = sideOrSkip(context, commission, fact.host_country, "session.host_country");
  const stored =
    fact.number !== null
      ? await findSessionByNumber(context.trx, commission.id, fact.number)
      : fact.date
        ? await findSessionByDate(context.trx, commission.id, fact.date)
        : undefined;
  if (stored) {
    const values = updatedValues(context, stored, fact, hostCountry);
    await updateSession(context, stored, values);
    context.tally.match("sessions");
    return refOf(stored.id, values);
  }
  if (fact.number === null || hostCountry === null) {
    const missing = fact.number === null ? "its number" : "its host country";
    context.tally.skip("session", `The session cannot be created without ${missing}; give it in the draft.`);
    return null;
  }
  return createSession(context, commission, {
    number: fact.number,
    host_country: hostCountry,
    city: fact.city ? localized(context, fact.city) : null,
    starts_on: fact.date ?? null,
    ends_on: null,
    status: fact.date ? statusOn(fact.date, context.today) : "planned",
    dates_via_diplomatic_channels: false,
  });
}

/**
 * The next session as the document announces it: number + 1 unless it says otherwise, hosted by the country it
 * names or, when it names none, by the other side (commissions meet in turn), and dated only when it gives a day.
 */
export async function planNextSession(
  context: ImportContext,
  commission: CommissionRef,
  session: SessionRef | null,
  fact: NextSessionFact,
): Promise<void> {
  const number = fact.number ?? (session ? session.number + 1 : null);
  if (number === null) {
    context.tally.skip("next_session", "The next session has no number and the current session none to count from.");
    return;
  }
  if (await findSessionByNumber(context.trx, commission.id, number)) {
    context.tally.match("sessions");
    return;
  }
  const hostCountry =
    sideOrSkip(context, commission, fact.country, "next_session.country") ??
    commission.sides.find((side) => session !== null && side !== session.hostCountry) ??
    null;
  if (hostCountry === null) {
    context.tally.skip("next_session", "The next session cannot be planned without its host country.");
    return;
  }
  await createSession(context, commission, {
    number,
    host_country: hostCountry,
    city: fact.city ? localized(context, fact.city) : null,
    starts_on: fact.date ?? null,
    ends_on: null,
    status: fact.date ? "dates_agreed" : "planned",
    dates_via_diplomatic_channels: fact.date ? false : fact.via_diplomatic_channels,
  });
}
