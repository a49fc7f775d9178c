import type { Kysely } from "kysely";
import type { SessionDetail, SessionSummary } from "../../../shared/api/sessions.ts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../../http/errors.ts";
import {
  findSession,
  listSessionDocuments,
  listSessionEvents,
  listSessionsOfCommissions,
  type SessionRow,
} from "./sessions.repo.ts";

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

export type SessionService = ReturnType<typeof createSessionService>;

export function createSessionService(db: Kysely<DB>) {
  return {
    async listOfCommission(commissionId: string): Promise<SessionSummary[]> {
      const exists = await db.selectFrom("commissions").select("id").where("id", "=", commissionId).executeTakeFirst();
      if (!exists) throw notFound("commission", commissionId);
      return (await listSessionsOfCommissions(db, [commissionId])).map(presentSession);
    },

    async get(id: string): Promise<SessionDetail> {
      const row = await findSession(db, id);
      if (!row) throw notFound("session", id);
      const commission = await db
        .selectFrom("commissions")
        .select(["id", "country_a", "country_b", "name"])
        .where("id", "=", row.commission_id)
        .executeTakeFirstOrThrow();
      const events = await listSessionEvents(db, id);
      const { documents, signatories } = await listSessionDocuments(db, id);
      return {
        ...presentSession(row),
        commission: {
          id: commission.id,
          countries: [commission.country_a, commission.country_b],
          name: commission.name,
        },
        events: events.map((e) => ({
          id: e.id,
          parentId: e.parent_id,
          kind: e.kind as SessionDetail["events"][number]["kind"],
          title: e.title,
          place: e.place,
          startsOn: e.starts_on,
        })),
        documents: documents.map((d) => ({
          id: d.id,
          kind: d.kind as SessionDetail["documents"][number]["kind"],
          title: d.title,
          signedOn: d.signed_on,
          signatories: signatories
            .filter((s) => s.document_id === d.id)
            .map((s) => ({ personId: s.person_id, name: s.name, side: s.side })),
        })),
      };
    },
  };
}
