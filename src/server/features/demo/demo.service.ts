import type { Kysely } from "kysely";
import { type CommitmentStatus, dueDateOf } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { normalizeName } from "../organizations/organizations.service.ts";
import type { DemoCommission, DemoSession } from "./demo-types.ts";

const json = (value: unknown) => JSON.stringify(value);

function keyMap(kind: string) {
  const map = new Map<string, string>();
  return {
    set: (key: string, id: string) => map.set(key, id),
    get(key: string): string {
      const id = map.get(key);
      if (!id) throw new Error(`Demo data refers to an unknown ${kind} "${key}".`);
      return id;
    },
  };
}

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("commissions").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/** Loads one demo commission and everything under it in a single transaction, audited as one event. */
export async function loadDemoCommission(db: Kysely<DB>, data: DemoCommission, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const [countryA, countryB] = [...data.countries].sort() as [string, string];
    const commission = await trx
      .insertInto("commissions")
      .values({ country_a: countryA, country_b: countryB, name: json(data.name), short_name: json(data.shortName) })
      .returning("id")
      .executeTakeFirstOrThrow();

    const orgs = keyMap("organisation");
    for (const org of data.organizations) {
      const row = await trx
        .insertInto("organizations")
        .values({ country_code: org.country, kind: org.kind, name: json(org.name) })
        .returning("id")
        .executeTakeFirstOrThrow();
      orgs.set(org.key, row.id);
      const names = [...Object.values(org.name), ...org.aliases];
      const unique = new Map(names.map((n) => [normalizeName(n), n]));
      await trx
        .insertInto("organization_aliases")
        .values([...unique].map(([normalized, alias]) => ({ organization_id: row.id, alias, normalized })))
        .execute();
    }

    await trx
      .insertInto("commission_sides")
      .values(
        data.countries.map((country) => ({
          commission_id: commission.id,
          country_code: country,
          secretariat_organization_id: data.secretariats[country] ? orgs.get(data.secretariats[country]) : null,
        })),
      )
      .execute();

    const people = keyMap("person");
    const positions = keyMap("position");
    for (const person of data.people) {
      const row = await trx
        .insertInto("people")
        .values({ name: json(person.name) })
        .returning("id")
        .executeTakeFirstOrThrow();
      people.set(person.key, row.id);
      const position = await trx
        .insertInto("positions")
        .values({
          person_id: row.id,
          organization_id: person.organizationKey ? orgs.get(person.organizationKey) : null,
          title: json(person.position),
          starts_on: null,
          ends_on: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      positions.set(person.key, position.id);
    }
    for (const coChair of data.coChairs) {
      await trx
        .insertInto("commission_co_chairs")
        .values({
          commission_id: commission.id,
          side: coChair.side,
          position_id: positions.get(coChair.personKey),
          starts_on: coChair.since,
          ends_on: null,
        })
        .execute();
    }

    const programmes = keyMap("programme");
    for (const p of data.programmes) {
      const row = await trx
        .insertInto("programmes")
        .values({
          commission_id: commission.id,
          kind: p.kind,
          sector_code: p.sector,
          title: json(p.title),
          start_year: p.startYear,
          end_year: p.endYear,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      programmes.set(p.key, row.id);
    }

    const earlierItems = keyMap("earlier commitment");
    for (const session of data.sessions) {
      await loadSession(trx, commission.id, session, { orgs, people, programmes, earlierItems });
    }
    await recordAudit(trx, actor, {
      action: "demo.load",
      entityType: "commission",
      entityId: commission.id,
      before: null,
      after: { name: data.name, sessions: data.sessions.map((s) => s.number) },
    });
    return commission.id;
  });
}

type Keys = Record<"orgs" | "people" | "programmes" | "earlierItems", ReturnType<typeof keyMap>>;

async function loadSession(trx: Kysely<DB>, commissionId: string, session: DemoSession, keys: Keys): Promise<void> {
  const row = await trx
    .insertInto("sessions")
    .values({
      commission_id: commissionId,
      number: session.number,
      host_country: session.hostCountry,
      city: session.city ? json(session.city) : null,
      starts_on: session.startsOn,
      ends_on: session.endsOn,
      status: session.status,
      dates_via_diplomatic_channels: session.datesViaDiplomaticChannels,
      is_demo: session.isDemo,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const eventIds: string[] = [];
  for (const [position, event] of session.events.entries()) {
    const parentId = event.parent === null ? null : (eventIds[event.parent] ?? null);
    const inserted = await trx
      .insertInto("session_events")
      .values({
        session_id: row.id,
        parent_id: parentId,
        kind: event.kind,
        title: json(event.title),
        place: event.place ? json(event.place) : null,
        starts_on: event.date,
        position,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    eventIds.push(inserted.id);
  }

  if (session.protocol) {
    const doc = await trx
      .insertInto("documents")
      .values({
        commission_id: commissionId,
        session_id: row.id,
        kind: "protocol",
        title: json(session.protocol.title),
        languages: ["ru"],
        signed_on: session.protocol.signedOn,
        source: session.isDemo ? "demo data" : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const people = await trx
      .selectFrom("commission_co_chairs as cc")
      .innerJoin("positions as p", "p.id", "cc.position_id")
      .select(["p.person_id", "cc.side"])
      .where("cc.commission_id", "=", commissionId)
      .execute();
    const sideOf = new Map(people.map((p) => [p.person_id, p.side]));
    await trx
      .insertInto("document_signatories")
      .values(
        session.protocol.signatoryKeys.map((key) => {
          const personId = keys.people.get(key);
          return { document_id: doc.id, person_id: personId, side: sideOf.get(personId) ?? session.hostCountry };
        }),
      )
      .execute();
  }

  for (const figure of session.figures) {
    await trx
      .insertInto("reported_figures")
      .values({
        commission_id: commissionId,
        session_id: row.id,
        indicator: figure.indicator,
        kind: figure.kind,
        comparator: figure.comparator,
        value: figure.value,
        unit: figure.unit,
        period_start: figure.periodStart,
        period_end: figure.periodEnd,
        source: json(figure.source),
      })
      .execute();
  }

  for (const [position, item] of session.commitments.entries()) {
    const commitment = await trx
      .insertInto("commitments")
      .values({
        commission_id: commissionId,
        session_id: row.id,
        item_number: item.itemNumber,
        position,
        sector_code: item.sector,
        text: json(item.text),
        deadline: item.deadline,
        due_date: dueDateOf(item.deadline),
        status: item.status,
        progress: item.progress,
        dropped_reason: item.status === "dropped" ? (item.updates.at(-1)?.text.en ?? "dropped") : null,
        programme_id: item.programmeKey ? keys.programmes.get(item.programmeKey) : null,
        // `continues` names an item of the session before this one.
        carried_over_from_id: item.continues ? keys.earlierItems.get(`${session.number - 1}:${item.continues}`) : null,
        created_at: `${session.startsOn ?? "2025-01-01"}T12:00:00Z`,
        updated_at: `${item.updates.at(-1)?.date ?? session.startsOn ?? "2025-01-01"}T12:00:00Z`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    keys.earlierItems.set(`${session.number}:${item.itemNumber}`, commitment.id);
    const responsible = Object.entries(item.responsible).flatMap(([side, orgKeys]) =>
      orgKeys.map((key, i) => ({ organization_id: keys.orgs.get(key), side, lead: i === 0 })),
    );
    if (responsible.length > 0) {
      await trx
        .insertInto("commitment_responsibles")
        .values(responsible.map((r) => ({ ...r, commitment_id: commitment.id, commission_id: commissionId })))
        .onConflict((oc) => oc.columns(["commitment_id", "organization_id"]).doNothing())
        .execute();
    }
    let previous: { status: CommitmentStatus; progress: number } = { status: "not_started", progress: 0 };
    for (const update of item.updates) {
      await trx
        .insertInto("status_updates")
        .values({
          commitment_id: commitment.id,
          side: update.side,
          author_name: update.authorName,
          previous_status: previous.status,
          status: update.status,
          previous_progress: previous.progress,
          progress: update.progress,
          text: update.text.ru ?? update.text.en ?? "",
          created_at: `${update.date}T12:00:00Z`,
        })
        .execute();
      previous = { status: update.status, progress: update.progress };
    }
  }
}
