import { type Kysely, sql } from "kysely";
import type {
  CreateScheduleStepInput,
  CreateSessionInput,
  DelegationMemberInput,
  SessionDetail,
  SessionEventInput,
  SessionSummary,
  UpdateSessionInput,
} from "../../../shared/api/sessions.ts";
import type { DB, SessionStatus } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { checkReferences } from "../references.ts";
import {
  findSession,
  listDelegation,
  listScheduleSteps,
  listSessionDocuments,
  listSessionEvents,
  listSessionsOfCommissions,
  type SessionRow,
} from "./sessions.repo.ts";

type Detail = SessionDetail;

export function presentSession(row: SessionRow): SessionSummary {
  return {
    id: row.id,
    commissionId: row.commission_id,
    number: row.number,
    hostCountry: row.host_country,
    city: row.city,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    datesViaDiplomaticChannels: row.dates_via_diplomatic_channels,
    isDemo: row.is_demo,
    commitmentCount: row.commitment_count,
  };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** A session agreed or held has dates; say so at the field instead of failing on the table's CHECK. */
function checkDatesForStatus(status: SessionStatus, startsOn: string | null): void {
  if (status !== "planned" && !startsOn) {
    throw new AppError("validation_failed", `startsOn: is required when the status is ${status}.`, {
      path: "startsOn",
    });
  }
}

async function checkSide(trx: Kysely<DB>, commissionId: string, country: string, field: string): Promise<void> {
  const side = await trx
    .selectFrom("commission_sides")
    .select("country_code")
    .where("commission_id", "=", commissionId)
    .where("country_code", "=", country)
    .executeTakeFirst();
  if (!side)
    throw new AppError("validation_failed", `${field}: ${country} is not a side of this commission.`, { path: field });
}

async function checkNumberFree(trx: Kysely<DB>, commissionId: string, number: number, exceptId: string | null) {
  const taken = await trx
    .selectFrom("sessions")
    .select("id")
    .where("commission_id", "=", commissionId)
    .where("number", "=", number)
    .$if(exceptId !== null, (q) => q.where("id", "<>", exceptId as string))
    .executeTakeFirst();
  if (taken)
    throw new AppError("conflict", `number: this commission already has a session ${number}.`, { path: "number" });
}

async function lockSession(trx: Kysely<DB>, id: string) {
  const row = await trx.selectFrom("sessions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!row) throw notFound("session", id);
  return row;
}

export type SessionService = ReturnType<typeof createSessionService>;

export function createSessionService(db: Kysely<DB>) {
  async function get(id: string): Promise<Detail> {
    const row = await findSession(db, id);
    if (!row) throw notFound("session", id);
    const commission = await db
      .selectFrom("commissions")
      .select(["id", "country_a", "country_b", "name"])
      .where("id", "=", row.commission_id)
      .executeTakeFirstOrThrow();
    const [events, { documents, signatories }, steps, delegation] = await Promise.all([
      listSessionEvents(db, id),
      listSessionDocuments(db, id),
      listScheduleSteps(db, id),
      listDelegation(db, id),
    ]);
    return {
      ...presentSession(row),
      version: row.version,
      commission: { id: commission.id, countries: [commission.country_a, commission.country_b], name: commission.name },
      events: events.map((e) => ({
        id: e.id,
        parentId: e.parent_id,
        kind: e.kind as Detail["events"][number]["kind"],
        title: e.title,
        place: e.place,
        startsOn: e.starts_on,
      })),
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind as Detail["documents"][number]["kind"],
        title: d.title,
        signedOn: d.signed_on,
        signatories: signatories
          .filter((s) => s.document_id === d.id)
          .map((s) => ({ personId: s.person_id, name: s.name, side: s.side })),
      })),
      scheduleSteps: steps.map((s) => ({
        id: s.id,
        kind: s.kind as Detail["scheduleSteps"][number]["kind"],
        fromSide: s.from_side,
        proposedStartsOn: s.proposed_starts_on,
        proposedEndsOn: s.proposed_ends_on,
        noteReference: s.note_reference,
        text: s.text,
        occurredOn: s.occurred_on,
      })),
      delegation: delegation.map((m) => ({
        id: m.id,
        side: m.side,
        role: m.role as Detail["delegation"][number]["role"],
        person: m.person_id && m.person_name ? { id: m.person_id, name: m.person_name } : null,
        organization: m.organization_id && m.org_name ? { id: m.organization_id, name: m.org_name } : null,
      })),
    };
  }

  /**
   * Runs a change to one session in a transaction with its audit event, then answers the session as it is now.
   * `change` answers the values the event records: what was there before (a removed row) and what is after.
   */
  async function changeSession(
    id: string,
    action: string,
    actor: Actor,
    change: (
      trx: Kysely<DB>,
      session: Awaited<ReturnType<typeof lockSession>>,
    ) => Promise<{ before: unknown; after: unknown }>,
  ): Promise<Detail> {
    await db.transaction().execute(async (trx) => {
      const session = await lockSession(trx, id);
      const { before, after } = await change(trx, session);
      await recordAudit(trx, actor, { action, entityType: "session", entityId: id, before, after });
    });
    return get(id);
  }

  return {
    get,

    async listOfCommission(commissionId: string): Promise<SessionSummary[]> {
      const exists = await db.selectFrom("commissions").select("id").where("id", "=", commissionId).executeTakeFirst();
      if (!exists) throw notFound("commission", commissionId);
      return (await listSessionsOfCommissions(db, [commissionId])).map(presentSession);
    },

    async create(commissionId: string, input: CreateSessionInput, actor: Actor): Promise<Detail> {
      const id = await db.transaction().execute(async (trx) => {
        const commission = await trx
          .selectFrom("commissions")
          .select("id")
          .where("id", "=", commissionId)
          .executeTakeFirst();
        if (!commission) throw notFound("commission", commissionId);
        await checkSide(trx, commissionId, input.hostCountry, "hostCountry");
        await checkNumberFree(trx, commissionId, input.number, null);
        checkDatesForStatus(input.status, input.startsOn ?? null);
        const row = await trx
          .insertInto("sessions")
          .values({
            commission_id: commissionId,
            number: input.number,
            host_country: input.hostCountry,
            city: json(input.city),
            starts_on: input.startsOn ?? null,
            ends_on: input.endsOn ?? null,
            status: input.status,
            dates_via_diplomatic_channels: input.datesViaDiplomaticChannels,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: "session.create",
          entityType: "session",
          entityId: row.id,
          before: null,
          after: input,
        });
        return row.id;
      });
      return get(id);
    },

    async update(id: string, input: UpdateSessionInput, actor: Actor): Promise<Detail> {
      await db.transaction().execute(async (trx) => {
        const current = await lockSession(trx, id);
        if (current.version !== input.version) throw versionConflict("session", input.version, current.version);
        if (input.hostCountry) await checkSide(trx, current.commission_id, input.hostCountry, "hostCountry");
        if (input.number !== undefined) await checkNumberFree(trx, current.commission_id, input.number, id);
        const startsOn = input.startsOn === undefined ? current.starts_on : input.startsOn;
        const endsOn = input.endsOn === undefined ? current.ends_on : input.endsOn;
        if (startsOn && endsOn && endsOn < startsOn) {
          throw new AppError("validation_failed", "endsOn: must not be before startsOn.", { path: "endsOn" });
        }
        const status = input.status ?? current.status;
        checkDatesForStatus(status, startsOn);
        await trx
          .updateTable("sessions")
          .set({
            number: input.number ?? current.number,
            host_country: input.hostCountry ?? current.host_country,
            city: input.city === undefined ? json(current.city) : json(input.city),
            starts_on: startsOn,
            ends_on: startsOn ? endsOn : null,
            status,
            dates_via_diplomatic_channels: input.datesViaDiplomaticChannels ?? current.dates_via_diplomatic_channels,
            version: current.version + 1,
            updated_at: sql<string>`now()`,
          })
          .where("id", "=", id)
          .execute();
        const { version: _version, ...changes } = input;
        await recordAudit(trx, actor, {
          action: "session.update",
          entityType: "session",
          entityId: id,
          before: current,
          after: changes,
        });
      });
      return get(id);
    },

    /**
     * Logs a step of the exchange of notes. An agreement fixes the dates (status "dates agreed"); a postponement
     * clears them and sends the dates back to the diplomatic channels.
     */
    addScheduleStep(id: string, input: CreateScheduleStepInput, actor: Actor): Promise<Detail> {
      return changeSession(id, "session.schedule_step", actor, async (trx, session) => {
        if (input.fromSide) await checkSide(trx, session.commission_id, input.fromSide, "fromSide");
        await trx
          .insertInto("session_schedule_steps")
          .values({
            session_id: id,
            kind: input.kind,
            from_side: input.fromSide ?? null,
            proposed_starts_on: input.proposedStartsOn ?? null,
            proposed_ends_on: input.proposedEndsOn ?? null,
            note_reference: input.noteReference ?? null,
            text: input.text ?? null,
            occurred_on: input.occurredOn,
          })
          .execute();
        if (input.kind !== "agreement" && input.kind !== "postponement") return { before: null, after: input };
        if (session.status === "held") {
          throw new AppError("validation_failed", "kind: the session has been held; its dates can no longer change.");
        }
        const agreed = input.kind === "agreement";
        const dates = {
          starts_on: agreed ? (input.proposedStartsOn ?? null) : null,
          ends_on: agreed ? (input.proposedEndsOn ?? null) : null,
          status: agreed ? ("dates_agreed" as const) : ("planned" as const),
          dates_via_diplomatic_channels: !agreed,
        };
        await trx
          .updateTable("sessions")
          .set({ ...dates, version: session.version + 1, updated_at: sql<string>`now()` })
          .where("id", "=", id)
          .execute();
        // The step moved the session's dates: the event keeps them as they were and as they are now.
        const { starts_on, ends_on, status, dates_via_diplomatic_channels } = session;
        return { before: { starts_on, ends_on, status, dates_via_diplomatic_channels }, after: { ...input, ...dates } };
      });
    },

    addEvent(id: string, input: SessionEventInput, actor: Actor): Promise<Detail> {
      return changeSession(id, "session.add_event", actor, async (trx) => {
        if (input.parentId) await checkEventOfSession(trx, input.parentId, id, "parentId");
        const position = await trx
          .selectFrom("session_events")
          .select(sql<number>`coalesce(max(position) + 1, 0)`.as("next"))
          .where("session_id", "=", id)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("session_events")
          .values({
            session_id: id,
            parent_id: input.parentId ?? null,
            kind: input.kind,
            title: JSON.stringify(input.title),
            place: json(input.place),
            starts_on: input.startsOn ?? null,
            position: position.next,
          })
          .execute();
        return { before: null, after: input };
      });
    },

    removeEvent(id: string, eventId: string, actor: Actor): Promise<Detail> {
      return changeSession(id, "session.remove_event", actor, async (trx) => {
        await checkEventOfSession(trx, eventId, id, "eventId");
        const removed = await trx
          .deleteFrom("session_events")
          .where("id", "=", eventId)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { before: removed, after: null };
      });
    },

    addDelegationMember(id: string, input: DelegationMemberInput, actor: Actor): Promise<Detail> {
      return changeSession(id, "session.add_delegation_member", actor, async (trx, session) => {
        await checkSide(trx, session.commission_id, input.side, "side");
        await checkReferences(trx, "people", [{ field: "personId", id: input.personId }]);
        await checkReferences(trx, "organizations", [{ field: "organizationId", id: input.organizationId }]);
        await trx
          .insertInto("delegation_members")
          .values({
            session_id: id,
            side: input.side,
            person_id: input.personId ?? null,
            organization_id: input.organizationId ?? null,
            role: input.role,
          })
          .execute();
        return { before: null, after: input };
      });
    },

    removeDelegationMember(id: string, memberId: string, actor: Actor): Promise<Detail> {
      return changeSession(id, "session.remove_delegation_member", actor, async (trx) => {
        const removed = await trx
          .deleteFrom("delegation_members")
          .where("id", "=", memberId)
          .where("session_id", "=", id)
          .returningAll()
          .executeTakeFirst();
        if (!removed) throw notFound("delegation member", memberId);
        return { before: removed, after: null };
      });
    },
  };
}

async function checkEventOfSession(trx: Kysely<DB>, eventId: string, sessionId: string, field: string): Promise<void> {
  const event = await trx
    .selectFrom("session_events")
    .select("id")
    .where("id", "=", eventId)
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (!event) throw new AppError("not_found", `${field}: no event ${eventId} in this session.`, { path: field });
}
