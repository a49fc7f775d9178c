import type { Kysely } from "kysely";
import { writeCalendar } from "../../../documents/calendar/calendar.ts";
import { type CalendarSession, deadlineEntries, sessionEntries } from "../../../documents/calendar/calendar-entries.ts";
import { localize } from "../../../documents/text/localize.ts";
import type { CalendarFeed, CalendarFeedList } from "../../../shared/api/exports.ts";
import type { Language } from "../../../shared/i18n-text.ts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../../http/errors.ts";
import { hashSecretToken, newSecretToken } from "../../secret-tokens.ts";
import { type Actor, recordAudit } from "../audit.ts";
import type { CommitmentService } from "../commitments/commitments.service.ts";
import { listSessionsOfCommissions, type SessionRow } from "../sessions/sessions.repo.ts";
import type { SessionService } from "../sessions/sessions.service.ts";
import {
  type FeedScope,
  findLiveFeedByHash,
  findOrganizationName,
  insertFeed,
  listCommissionIdsOfOrganization,
  listCommissionLabels,
  listFeeds,
  revokeFeed,
} from "./calendar-feeds.repo.ts";
import { listAllCommitments } from "./commitment-stream.ts";

type FeedRow = Awaited<ReturnType<typeof listFeeds>>[number];
const isoOf = (timestamp: string) => new Date(timestamp).toISOString();
const presentFeed = (row: FeedRow) => ({
  id: row.id,
  commissionId: row.commission_id,
  organizationId: row.organization_id,
  createdAt: isoOf(row.created_at),
});

type Sources = { sessions: SessionService; commitments: CommitmentService };

export function createCalendarExports(db: Kysely<DB>, sources: Sources) {
  async function calendarSessions(commissionIds: string[]): Promise<CalendarSession[]> {
    const [rows, labels] = await Promise.all([
      listSessionsOfCommissions(db, commissionIds),
      listCommissionLabels(db, commissionIds),
    ]);
    const labelOf = new Map(labels.map((c) => [c.id, c.short_name ?? c.name]));
    return rows.map((s: SessionRow) => ({
      id: s.id,
      number: s.number,
      commission: labelOf.get(s.commission_id) ?? {},
      hostCountry: s.host_country,
      city: s.city,
      startsOn: s.starts_on,
      endsOn: s.ends_on,
      status: s.status,
    }));
  }

  async function commissionCalendar(commissionId: string, lang: Language): Promise<string> {
    const [label] = await listCommissionLabels(db, [commissionId]);
    if (!label) throw notFound("commission", commissionId);
    const [sessions, commitments] = await Promise.all([
      calendarSessions([commissionId]),
      listAllCommitments(sources.commitments, { commissionId, sort: "deadline" }),
    ]);
    return writeCalendar(localize(label.short_name ?? label.name, lang), [
      ...sessionEntries(sessions, lang),
      ...deadlineEntries(commitments, lang),
    ]);
  }

  async function organizationCalendar(organizationId: string, lang: Language): Promise<string> {
    const organization = await findOrganizationName(db, organizationId);
    if (!organization) throw notFound("organisation", organizationId);
    const commissionIds = await listCommissionIdsOfOrganization(db, organizationId);
    const [sessions, commitments] = await Promise.all([
      calendarSessions(commissionIds),
      listAllCommitments(sources.commitments, { organizationId, sort: "deadline" }),
    ]);
    return writeCalendar(localize(organization.name, lang), [
      ...sessionEntries(sessions, lang),
      ...deadlineEntries(commitments, lang),
    ]);
  }

  async function checkScope(scope: FeedScope): Promise<void> {
    if ("commissionId" in scope) {
      const [label] = await listCommissionLabels(db, [scope.commissionId]);
      if (!label) throw notFound("commission", scope.commissionId);
    } else if (!(await findOrganizationName(db, scope.organizationId))) {
      throw notFound("organisation", scope.organizationId);
    }
  }

  return {
    commissionCalendar,
    organizationCalendar,

    /** The session and the deadlines of its commitments, for a one-off download. */
    async sessionCalendar(sessionId: string, lang: Language): Promise<string> {
      const session = await sources.sessions.get(sessionId);
      const [calendarSession] = (await calendarSessions([session.commissionId])).filter((s) => s.id === sessionId);
      const commitments = await listAllCommitments(sources.commitments, { sessionId, sort: "deadline" });
      return writeCalendar(localize(session.commission.name, lang), [
        ...sessionEntries(calendarSession ? [calendarSession] : [], lang),
        ...deadlineEntries(commitments, lang),
      ]);
    },

    /** A new secret feed URL under `baseUrl`; only the token's hash is kept, so this is the one time it is shown. */
    async createFeed(scope: FeedScope, baseUrl: string, lang: Language, actor: Actor): Promise<CalendarFeed> {
      await checkScope(scope);
      const token = newSecretToken();
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await insertFeed(trx, scope, hashSecretToken(token));
        await recordAudit(trx, actor, {
          action: "calendar_feed.create",
          entityType: "calendar_feed",
          entityId: inserted.id,
          before: null,
          after: scope,
        });
        return inserted;
      });
      const url = new URL(`/api/calendar/${token}.ics`, baseUrl);
      url.searchParams.set("lang", lang);
      return { ...presentFeed(row), url: url.toString() };
    },

    async listFeeds(scope: FeedScope): Promise<CalendarFeedList> {
      await checkScope(scope);
      const rows = await listFeeds(db, scope);
      return { items: rows.map((r) => ({ ...presentFeed(r), revokedAt: r.revoked_at ? isoOf(r.revoked_at) : null })) };
    },

    async revokeFeed(id: string, actor: Actor): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await revokeFeed(trx, id))) throw notFound("live calendar feed", id);
        await recordAudit(trx, actor, {
          action: "calendar_feed.revoke",
          entityType: "calendar_feed",
          entityId: id,
          before: null,
          after: null,
        });
      });
    },

    /** The feed a token opens; an unknown or revoked token is not found, whatever it was. */
    async feedCalendar(token: string, lang: Language): Promise<string> {
      const feed = await findLiveFeedByHash(db, hashSecretToken(token));
      if (!feed) throw notFound("calendar feed", "(the token given)");
      if (feed.commission_id) return commissionCalendar(feed.commission_id, lang);
      return organizationCalendar(feed.organization_id as string, lang);
    },
  };
}
