import { type Kysely, sql } from "kysely";
import type { INDICATORS } from "../../../shared/api/indicators.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { DB, SessionStatus } from "../../db/schema.ts";

/** SQL of the import: the lookups that match a draft's facts to stored records, and the rows an accept adds. */

const json = (value: unknown) => JSON.stringify(value);

/** Any number will do; it only has to be the same for every import. */
const IMPORT_LOCK = 4_711_002;

/**
 * Imports wait for each other until their transactions end: two at once could each find no SOCAR (or no AZ–KG
 * commission) and both create one. Imports are rare and short, so running them one by one costs nothing.
 */
export async function waitForOtherImports(trx: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
}

export async function findCommissionOfCountries(trx: Kysely<DB>, countries: [string, string]) {
  const [countryA, countryB] = [...countries].sort() as [string, string];
  return trx
    .selectFrom("commissions")
    .select("id")
    .where("country_a", "=", countryA)
    .where("country_b", "=", countryB)
    .orderBy("created_at")
    .executeTakeFirst();
}

export async function insertCommission(
  trx: Kysely<DB>,
  commission: { countries: [string, string]; name: LocalizedText },
): Promise<string> {
  const [countryA, countryB] = [...commission.countries].sort() as [string, string];
  const row = await trx
    .insertInto("commissions")
    .values({ country_a: countryA, country_b: countryB, name: json(commission.name), short_name: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("commission_sides")
    .values(
      commission.countries.map((country) => ({
        commission_id: row.id,
        country_code: country,
        secretariat_organization_id: null,
      })),
    )
    .execute();
  return row.id;
}

const SESSION_COLUMNS = [
  "id",
  "number",
  "host_country",
  "city",
  "starts_on",
  "ends_on",
  "status",
  "dates_via_diplomatic_channels",
  "version",
] as const;

export async function findSessionByNumber(trx: Kysely<DB>, commissionId: string, number: number) {
  return trx
    .selectFrom("sessions")
    .select(SESSION_COLUMNS)
    .where("commission_id", "=", commissionId)
    .where("number", "=", number)
    .forUpdate()
    .executeTakeFirst();
}

export async function findSessionByDate(trx: Kysely<DB>, commissionId: string, day: string) {
  return trx
    .selectFrom("sessions")
    .select(SESSION_COLUMNS)
    .where("commission_id", "=", commissionId)
    .where("starts_on", "<=", day)
    .where(sql<boolean>`coalesce(ends_on, starts_on) >= ${day}`)
    .forUpdate()
    .executeTakeFirst();
}
export type StoredSession = NonNullable<Awaited<ReturnType<typeof findSessionByNumber>>>;

export type SessionValues = {
  number: number;
  host_country: string;
  city: LocalizedText | null;
  starts_on: string | null;
  ends_on: string | null;
  status: SessionStatus;
  dates_via_diplomatic_channels: boolean;
};

export async function insertSession(trx: Kysely<DB>, commissionId: string, values: SessionValues): Promise<string> {
  const row = await trx
    .insertInto("sessions")
    .values({ ...values, commission_id: commissionId, city: values.city ? json(values.city) : null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSessionRow(trx: Kysely<DB>, id: string, values: SessionValues & { version: number }) {
  await trx
    .updateTable("sessions")
    .set({ ...values, city: values.city ? json(values.city) : null, updated_at: sql<string>`now()` })
    .where("id", "=", id)
    .execute();
}

/** Organisations one of whose aliases has one of the normalised names. */
export async function findOrganizationsByAliases(trx: Kysely<DB>, normalizedNames: string[]) {
  return trx
    .selectFrom("organization_aliases as a")
    .innerJoin("organizations as o", "o.id", "a.organization_id")
    .select(["o.id", "o.country_code", "a.normalized"])
    .where("a.normalized", "in", normalizedNames)
    .orderBy("o.created_at")
    .execute();
}

export async function insertOrganization(
  trx: Kysely<DB>,
  organization: { country: string | null; kind: string; name: LocalizedText },
): Promise<string> {
  const row = await trx
    .insertInto("organizations")
    .values({ country_code: organization.country, kind: organization.kind, name: json(organization.name) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** People whose stored name has every word of `words` (the `simple` full-text index, so any script). */
export async function findPeopleWithWords(trx: Kysely<DB>, words: string[]) {
  const query = words.map((w) => w.toLowerCase()).join(" & ");
  return trx
    .selectFrom("people")
    .select(["id", "name"])
    .where(sql<boolean>`search @@ to_tsquery('simple', ${query})`)
    .orderBy("created_at")
    .execute();
}

export async function insertPerson(trx: Kysely<DB>, name: LocalizedText): Promise<string> {
  const row = await trx
    .insertInto("people")
    .values({ name: json(name) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The co-chair terms of a commission's side, earliest first, with who held them. */
export async function listCoChairTerms(trx: Kysely<DB>, commissionId: string) {
  return trx
    .selectFrom("commission_co_chairs as cc")
    .innerJoin("positions as p", "p.id", "cc.position_id")
    .select(["cc.id", "cc.side", "cc.starts_on", "cc.ends_on", "p.person_id"])
    .where("cc.commission_id", "=", commissionId)
    .orderBy(sql`cc.starts_on asc nulls first`)
    .execute();
}
export type CoChairTerm = Awaited<ReturnType<typeof listCoChairTerms>>[number];

export async function insertCoChairTerm(
  trx: Kysely<DB>,
  term: { commissionId: string; side: string; positionId: string; startsOn: string | null; endsOn: string | null },
): Promise<string> {
  const row = await trx
    .insertInto("commission_co_chairs")
    .values({
      commission_id: term.commissionId,
      side: term.side,
      position_id: term.positionId,
      starts_on: term.startsOn,
      ends_on: term.endsOn,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function endCoChairTerm(trx: Kysely<DB>, termId: string, endsOn: string): Promise<void> {
  await trx.updateTable("commission_co_chairs").set({ ends_on: endsOn }).where("id", "=", termId).execute();
}

export async function listCommitmentTexts(trx: Kysely<DB>, sessionId: string) {
  return trx
    .selectFrom("commitments")
    .select(["id", "text"])
    .where("session_id", "=", sessionId)
    .orderBy("position")
    .forUpdate()
    .execute();
}

export type CommitmentValues = {
  commissionId: string;
  sessionId: string;
  itemNumber: string | null;
  position: number;
  sector: string;
  text: LocalizedText;
  deadline: string | null;
  dueDate: string | null;
};

export async function insertCommitment(trx: Kysely<DB>, c: CommitmentValues): Promise<string> {
  const row = await trx
    .insertInto("commitments")
    .values({
      commission_id: c.commissionId,
      session_id: c.sessionId,
      item_number: c.itemNumber,
      position: c.position,
      sector_code: c.sector,
      text: json(c.text),
      deadline: c.deadline,
      due_date: c.dueDate,
      programme_id: null,
      carried_over_from_id: null,
      dropped_reason: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findProgrammeOfYears(trx: Kysely<DB>, commissionId: string, startYear: number, endYear: number) {
  return trx
    .selectFrom("programmes")
    .select("id")
    .where("commission_id", "=", commissionId)
    .where("start_year", "=", startYear)
    .where("end_year", "=", endYear)
    .executeTakeFirst();
}

export async function insertProgramme(
  trx: Kysely<DB>,
  programme: {
    commissionId: string;
    kind: "programme" | "roadmap";
    sector: string | null;
    title: LocalizedText;
    startYear: number;
    endYear: number;
  },
): Promise<string> {
  const row = await trx
    .insertInto("programmes")
    .values({
      commission_id: programme.commissionId,
      kind: programme.kind,
      sector_code: programme.sector,
      title: json(programme.title),
      start_year: programme.startYear,
      end_year: programme.endYear,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSessionEvent(
  trx: Kysely<DB>,
  event: {
    sessionId: string;
    kind: string;
    title: LocalizedText;
    place: LocalizedText | null;
    startsOn: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto("session_events")
    .values({
      session_id: event.sessionId,
      parent_id: null,
      kind: event.kind,
      title: json(event.title),
      place: event.place ? json(event.place) : null,
      starts_on: event.startsOn,
      position: sql<number>`(select coalesce(max(position) + 1, 0) from session_events where session_id = ${event.sessionId})`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findDocumentWithFile(trx: Kysely<DB>, commissionId: string, sha256: string) {
  return trx
    .selectFrom("documents")
    .select("id")
    .where("commission_id", "=", commissionId)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
}

export async function listDocumentsOf(trx: Kysely<DB>, commissionId: string, sessionId: string | null) {
  return trx
    .selectFrom("documents")
    .select(["id", "kind", "title", "sha256"])
    .where("commission_id", "=", commissionId)
    .where((eb) => (sessionId === null ? eb("session_id", "is", null) : eb("session_id", "=", sessionId)))
    .orderBy("created_at")
    .execute();
}

export async function attachFile(
  trx: Kysely<DB>,
  documentId: string,
  file: { name: string; mediaType: string; sizeBytes: number; sha256: string; content: Buffer },
): Promise<void> {
  await trx
    .updateTable("documents")
    .set({
      file_name: file.name,
      media_type: file.mediaType,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      version: sql<number>`version + 1`,
    })
    .where("id", "=", documentId)
    .execute();
  await trx.insertInto("document_files").values({ document_id: documentId, content: file.content }).execute();
}

export type Indicator = (typeof INDICATORS)[number];
export type FigureValues = {
  indicator: Indicator;
  kind: "growth_yoy" | "value";
  comparator: "more_than" | "less_than" | "about" | "exactly";
  value: number;
  unit: string;
  periodStart: string;
  periodEnd: string;
  source: LocalizedText;
};

export async function findFigure(trx: Kysely<DB>, commissionId: string, sessionId: string | null, f: FigureValues) {
  return trx
    .selectFrom("reported_figures")
    .select("id")
    .where("commission_id", "=", commissionId)
    .where((eb) => (sessionId === null ? eb("session_id", "is", null) : eb("session_id", "=", sessionId)))
    .where("indicator", "=", f.indicator)
    .where("kind", "=", f.kind)
    .where("unit", "=", f.unit)
    .where("period_start", "=", f.periodStart)
    .where("period_end", "=", f.periodEnd)
    .executeTakeFirst();
}

export async function insertFigure(
  trx: Kysely<DB>,
  commissionId: string,
  sessionId: string | null,
  f: FigureValues,
): Promise<string> {
  const row = await trx
    .insertInto("reported_figures")
    .values({
      commission_id: commissionId,
      session_id: sessionId,
      indicator: f.indicator,
      kind: f.kind,
      comparator: f.comparator,
      value: f.value,
      unit: f.unit,
      period_start: f.periodStart,
      period_end: f.periodEnd,
      source: json(f.source),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
