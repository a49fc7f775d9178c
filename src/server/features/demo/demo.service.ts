import { type Kysely, sql } from "kysely";
import { type CommitmentStatus, dueDateOf } from "../../../shared/deadline.ts";
import type { DB } from "../../db/schema.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { writeAliases } from "../organizations/organizations.service.ts";
import { publishEverything } from "../publication/publication.repo.ts";
import type { DemoCommission, DemoParticipant, DemoSession } from "./demo-types.ts";

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
export function loadDemoCommission(db: Kysely<DB>, data: DemoCommission, actor: Actor): Promise<string> {
  return db.transaction().execute((trx) => writeDemoCommission(trx, data, actor));
}

// Any fixed number, other than the migrations' lock.
const FIRST_START_LOCK_KEY = 7_241_002;

/**
 * The first start's demo: loaded only into an empty database. Instances starting together on one server wait for
 * each other here, so the demo loads once. Says whether it loaded.
 */
export function loadDemoIfEmpty(db: Kysely<DB>, data: DemoCommission, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${FIRST_START_LOCK_KEY})`.execute(trx);
    if (!(await isDatabaseEmpty(trx))) return false;
    await writeDemoCommission(trx, data, actor);
    return true;
  });
}

async function writeDemoCommission(trx: Kysely<DB>, data: DemoCommission, actor: Actor): Promise<string> {
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
    await writeAliases(trx, row.id, org.name, org.aliases);
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
  const measures = keyMap("programme measure");
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
    for (const [position, m] of p.measures.entries()) {
      const measure = await trx
        .insertInto("programme_measures")
        .values({
          programme_id: row.id,
          code: m.code,
          title: json(m.title),
          sector_code: m.sector,
          due_year: m.dueYear,
          weight: null,
          position,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      measures.set(m.key, measure.id);
    }
  }
  const jointBodies = keyMap("joint body");
  for (const body of data.jointBodies) {
    const row = await trx
      .insertInto("joint_bodies")
      .values({
        commission_id: commission.id,
        kind: body.kind,
        name: json(body.name),
        sector_code: body.sector,
        status: body.status,
        established_on: null,
        capital: null,
        currency: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    jointBodies.set(body.key, row.id);
    await insertParticipants(trx, { joint_body_id: row.id, project_id: null }, body.participants, orgs);
  }
  const projects = keyMap("project");
  for (const project of data.projects) {
    const row = await trx
      .insertInto("projects")
      .values({
        commission_id: commission.id,
        name: json(project.name),
        sector_code: project.sector,
        status: project.status,
        location: project.location ? json(project.location) : null,
        value: null,
        currency: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    projects.set(project.key, row.id);
    await insertParticipants(trx, { joint_body_id: null, project_id: row.id }, project.participants, orgs);
  }

  const earlierItems = keyMap("earlier commitment");
  for (const session of data.sessions) {
    await loadSession(trx, commission.id, session, { orgs, people, programmes, earlierItems });
  }
  for (const link of data.links) {
    await trx
      .updateTable("commitments")
      .set({
        measure_id: link.measureKey ? measures.get(link.measureKey) : null,
        project_id: link.projectKey ? projects.get(link.projectKey) : null,
        joint_body_id: link.jointBodyKey ? jointBodies.get(link.jointBodyKey) : null,
      })
      .where("id", "=", earlierItems.get(`${link.session}:${link.item}`))
      .execute();
  }
  for (const series of data.observations) {
    const [year, month] = series.from.split("-").map(Number) as [number, number];
    await trx
      .insertInto("indicator_observations")
      .values(
        series.values.map((value, i) => ({
          commission_id: commission.id,
          indicator: series.indicator,
          reporter: series.reporter,
          period: new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7),
          value,
          unit: series.unit,
          source: series.source,
        })),
      )
      .execute();
  }
  await publishEverything(trx, commission.id);
  await recordAudit(trx, actor, {
    action: "demo.load",
    entityType: "commission",
    entityId: commission.id,
    before: null,
    after: { name: data.name, sessions: data.sessions.map((s) => s.number) },
  });
  return commission.id;
}

async function insertParticipants(
  trx: Kysely<DB>,
  owner: { joint_body_id: string | null; project_id: string | null },
  participants: DemoParticipant[],
  orgs: ReturnType<typeof keyMap>,
): Promise<void> {
  if (participants.length === 0) return;
  await trx
    .insertInto("participations")
    .values(
      participants.map((p) => ({ ...owner, organization_id: orgs.get(p.organizationKey), side: p.side, role: p.role })),
    )
    .execute();
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
