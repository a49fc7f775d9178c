import type { Kysely } from "kysely";
import type {
  PublicAgreementPage,
  PublicAgreementQuery,
  PublicationSettings,
  PublicationSettingsInput,
  PublicCommission,
  PublicCommissionList,
  PublicProgress,
  PublicSessionList,
  PublicTally,
  WithholdResult,
} from "../../../shared/api/publication.ts";
import { todayIso } from "../../../shared/deadline.ts";
import type { SectorCode } from "../../../shared/sectors.ts";
import type { DB } from "../../db/schema.ts";
import { AppError, notFound, versionConflict } from "../../http/errors.ts";
import { type Actor, recordAudit } from "../audit.ts";
import { presentTally, type TallyRow } from "../monitoring/commitment-tally.ts";
import { cursorPosition, toPage } from "../pagination.ts";
import {
  AGREEMENT_SORT,
  findPublishedCommission,
  listPublicAgreements,
  listPublicCoChairs,
  listPublicResponsibles,
  listPublicSessions,
  listPublishedCommissions,
  loadPublicTalliesBySector,
  loadPublicTalliesBySession,
  loadPublicTotals,
} from "./public.repo.ts";
import {
  findSettings,
  isWithheld,
  listWithheld,
  type SettingsValues,
  setWithheld,
  writeSettings,
} from "./publication.repo.ts";

type PublishedCommissionRow = NonNullable<Awaited<ReturnType<typeof findPublishedCommission>>>;
type Part = "sessions" | "agreements" | "progress";

const PART_FLAGS: Record<Part, keyof PublishedCommissionRow> = {
  sessions: "publish_sessions",
  agreements: "publish_commitments",
  progress: "publish_progress",
};

function presentSummary(
  row: Pick<PublishedCommissionRow, "id" | "country_a" | "country_b" | "name" | "short_name" | "is_demo">,
) {
  return {
    id: row.id,
    countries: [row.country_a, row.country_b] as [string, string],
    name: row.name,
    shortName: row.short_name,
    isDemo: row.is_demo,
  };
}

/** The public tally leaves out the secretariat's workflow state (awaiting confirmation). */
function presentPublicTally(row: TallyRow): PublicTally {
  const { awaitingConfirmation: _internal, ...tally } = presentTally(row);
  return tally;
}

const NEVER_SAVED = {
  published: false,
  publish_sessions: false,
  publish_commitments: false,
  publish_progress: false,
  version: 0,
  updated_at: null,
};

export type PublicationService = ReturnType<typeof createPublicationService>;

export function createPublicationService(db: Kysely<DB>, clock: () => Date = () => new Date()) {
  const today = () => todayIso(clock());

  async function requireCommission(trx: Kysely<DB>, id: string): Promise<void> {
    const row = await trx.selectFrom("commissions").select("id").where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("commission", id);
  }

  async function settings(commissionId: string): Promise<PublicationSettings> {
    await requireCommission(db, commissionId);
    const [row, withheld] = await Promise.all([
      findSettings(db, commissionId, { lock: false }),
      listWithheld(db, commissionId),
    ]);
    const s = row ?? NEVER_SAVED;
    return {
      commissionId,
      published: s.published,
      sessions: s.publish_sessions,
      agreements: s.publish_commitments,
      progress: s.publish_progress,
      version: s.version,
      updatedAt: s.updated_at,
      withheld: withheld.map((w) => ({
        commitmentId: w.commitment_id,
        sessionNumber: w.session_number,
        itemNumber: w.item_number,
        text: w.text,
        withheldAt: w.withheld_at,
        withheldBy: w.withheld_by,
      })),
    };
  }

  /**
   * The published commission, or 404 exactly as for an id that does not exist: whether an unpublished commission
   * exists is itself not public. With `part`, also 404 when the commission does not publish that part.
   */
  async function publishedCommission(id: string, part?: Part): Promise<PublishedCommissionRow> {
    const row = await findPublishedCommission(db, id);
    if (!row) throw notFound("commission", id);
    if (part && row[PART_FLAGS[part]] !== true) {
      throw new AppError("not_found", `This commission does not publish its ${part}.`, { entity: part, id });
    }
    return row;
  }

  return {
    settings,

    async updateSettings(
      commissionId: string,
      input: PublicationSettingsInput,
      actor: Actor,
    ): Promise<PublicationSettings> {
      await db.transaction().execute(async (trx) => {
        await requireCommission(trx, commissionId);
        const saved = await findSettings(trx, commissionId, { lock: true });
        const currentVersion = saved?.version ?? NEVER_SAVED.version;
        if (currentVersion !== input.version) {
          throw versionConflict("publication setting", input.version, currentVersion);
        }
        const values: SettingsValues = {
          published: input.published,
          publish_sessions: input.sessions,
          publish_commitments: input.agreements,
          publish_progress: input.progress,
        };
        await writeSettings(trx, commissionId, values, currentVersion + 1);
        await recordAudit(trx, actor, {
          action: "commission.publication",
          entityType: "commission",
          entityId: commissionId,
          before: saved ?? null,
          after: values,
        });
      });
      return settings(commissionId);
    },

    /** Keeps one agreement out of the public view (or shows it again), whatever the commission publishes. */
    async withhold(commitmentId: string, withheld: boolean, actor: Actor): Promise<WithholdResult> {
      await db.transaction().execute(async (trx) => {
        const commitment = await trx
          .selectFrom("commitments")
          .select("id")
          .where("id", "=", commitmentId)
          .forUpdate()
          .executeTakeFirst();
        if (!commitment) throw notFound("commitment", commitmentId);
        const was = await isWithheld(trx, commitmentId);
        if (was === withheld) return;
        await setWithheld(trx, commitmentId, withheld, actor.name);
        await recordAudit(trx, actor, {
          action: withheld ? "commitment.withhold_from_public" : "commitment.show_in_public",
          entityType: "commitment",
          entityId: commitmentId,
          before: { withheld: was },
          after: { withheld },
        });
      });
      return { commitmentId, withheld };
    },

    async listPublic(): Promise<PublicCommissionList> {
      return { items: (await listPublishedCommissions(db)).map(presentSummary) };
    },

    async getPublic(id: string): Promise<PublicCommission> {
      const row = await publishedCommission(id);
      const coChairs = await listPublicCoChairs(db, id, today());
      return {
        ...presentSummary(row),
        foundedOn: row.founded_on,
        coChairs: coChairs.map((c) => ({ side: c.side, name: c.name, title: c.title })),
        publishes: {
          sessions: row.publish_sessions,
          agreements: row.publish_commitments,
          progress: row.publish_progress,
        },
      };
    },

    async publicSessions(id: string): Promise<PublicSessionList> {
      await publishedCommission(id, "sessions");
      const rows = await listPublicSessions(db, id);
      return {
        items: rows.map((s) => ({
          id: s.id,
          number: s.number,
          hostCountry: s.host_country,
          city: s.city,
          startsOn: s.starts_on,
          endsOn: s.ends_on,
          status: s.status,
          datesViaDiplomaticChannels: s.dates_via_diplomatic_channels,
          agreementCount: s.agreement_count,
        })),
      };
    },

    async publicAgreements(id: string, query: PublicAgreementQuery): Promise<PublicAgreementPage> {
      await publishedCommission(id, "agreements");
      const after = cursorPosition(query.cursor, AGREEMENT_SORT);
      const rows = await listPublicAgreements(
        db,
        id,
        { sessionId: query.sessionId },
        { after, limit: query.limit + 1, today: today() },
      );
      const responsibles = await listPublicResponsibles(
        db,
        rows.slice(0, query.limit).map((r) => r.id),
      );
      return toPage(
        rows,
        query.limit,
        (page) =>
          page.map((r) => ({
            id: r.id,
            session: { id: r.session_id, number: r.session_number },
            itemNumber: r.item_number,
            text: r.text,
            sector: r.sector_code as SectorCode,
            deadline: r.deadline,
            dueDate: r.due_date,
            responsible: responsibles
              .filter((o) => o.commitment_id === r.id)
              .map((o) => ({ name: o.name, side: o.side })),
            progress:
              r.status === null || r.progress === null
                ? null
                : { status: r.status, percent: r.progress, late: r.late === true },
          })),
        (r) => [r.session_number, r.position, r.id],
      );
    },

    async publicProgress(id: string): Promise<PublicProgress> {
      await publishedCommission(id, "progress");
      const day = today();
      const [totals, bySector, bySession] = await Promise.all([
        loadPublicTotals(db, id, day),
        loadPublicTalliesBySector(db, id, day),
        loadPublicTalliesBySession(db, id, day),
      ]);
      return {
        asOf: day,
        totals: presentPublicTally(totals),
        bySector: bySector.map((row) => ({
          sector: row.key as SectorCode,
          ...presentPublicTally(row),
        })),
        bySession: bySession.map((row) => ({
          sessionId: row.key,
          sessionNumber: row.session_number,
          ...presentPublicTally(row),
        })),
      };
    },
  };
}
