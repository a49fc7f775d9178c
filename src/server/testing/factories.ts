import type { Kysely } from "kysely";
import type { LocalizedText } from "../../shared/i18n-text.ts";
import type { DB, SessionStatus } from "../db/schema.ts";
import { SYSTEM_ACTOR } from "../features/audit.ts";
import { createCommitmentService } from "../features/commitments/commitments.service.ts";

/** Test data builders: the smallest valid rows, with any field overridable. */

let counter = 0;
const next = () => ++counter;
const json = (value: unknown) => JSON.stringify(value);

export async function makeCommission(
  db: Kysely<DB>,
  overrides: { countries?: [string, string]; name?: LocalizedText } = {},
) {
  const countries = overrides.countries ?? ["AZ", "KG"];
  const [countryA, countryB] = [...countries].sort() as [string, string];
  const row = await db
    .insertInto("commissions")
    .values({
      country_a: countryA,
      country_b: countryB,
      name: json(overrides.name ?? { en: `Test commission ${next()}` }),
      short_name: null,
    })
    .returning(["id", "country_a", "country_b"])
    .executeTakeFirstOrThrow();
  await db
    .insertInto("commission_sides")
    .values(
      countries.map((country) => ({ commission_id: row.id, country_code: country, secretariat_organization_id: null })),
    )
    .execute();
  return row;
}

export async function makeSession(
  db: Kysely<DB>,
  commissionId: string,
  overrides: { number?: number; hostCountry?: string; status?: SessionStatus; startsOn?: string | null } = {},
) {
  const commission = await db
    .selectFrom("commissions")
    .select(["country_a"])
    .where("id", "=", commissionId)
    .executeTakeFirstOrThrow();
  const status = overrides.status ?? "held";
  return db
    .insertInto("sessions")
    .values({
      commission_id: commissionId,
      number: overrides.number ?? next(),
      host_country: overrides.hostCountry ?? commission.country_a,
      city: json({ en: "Baku" }),
      starts_on: overrides.startsOn === undefined ? (status === "planned" ? null : "2025-12-08") : overrides.startsOn,
      ends_on: null,
      status,
    })
    .returning(["id", "commission_id", "number"])
    .executeTakeFirstOrThrow();
}

export async function makeOrganization(db: Kysely<DB>, overrides: { country?: string; name?: LocalizedText } = {}) {
  return db
    .insertInto("organizations")
    .values({
      country_code: overrides.country ?? "AZ",
      kind: "ministry",
      name: json(overrides.name ?? { en: `Ministry ${next()}` }),
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
}

export async function makeCommitment(
  db: Kysely<DB>,
  sessionId: string,
  overrides: {
    sector?: "trade" | "energy" | "transport" | "education";
    text?: LocalizedText;
    deadline?: string | null;
    responsible?: { organizationId: string; side: string; lead?: boolean }[];
  } = {},
) {
  return createCommitmentService(db).create(
    {
      sessionId,
      sector: overrides.sector ?? "trade",
      text: overrides.text ?? { en: `Commitment ${next()}` },
      deadline: overrides.deadline ?? null,
      responsible: (overrides.responsible ?? []).map((r) => ({ ...r, lead: r.lead ?? false })),
    },
    SYSTEM_ACTOR,
  );
}

export async function makePerson(db: Kysely<DB>, overrides: { name?: LocalizedText } = {}) {
  return db
    .insertInto("people")
    .values({ name: json(overrides.name ?? { en: `Person ${next()}` }) })
    .returning(["id"])
    .executeTakeFirstOrThrow();
}
