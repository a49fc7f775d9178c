import type { Kysely } from "kysely";
import type { CommissionDetail, CommissionPage, CommissionSummary } from "../../../shared/api/commissions.ts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../../http/errors.ts";
import { cursorPosition, toPage } from "../pagination.ts";
import { listSessionsOfCommissions } from "../sessions/sessions.repo.ts";
import { presentSession } from "../sessions/sessions.service.ts";
import {
  COMMISSION_SORT,
  findCommission,
  listCoChairs,
  listCommissions,
  listFigures,
  listProgrammes,
  listSides,
} from "./commissions.repo.ts";

type CommissionRow = NonNullable<Awaited<ReturnType<typeof findCommission>>>;

function presentSummary(row: CommissionRow): CommissionSummary {
  return {
    id: row.id,
    countries: [row.country_a, row.country_b],
    name: row.name,
    shortName: row.short_name,
    sessionCount: row.session_count,
    isDemo: row.is_demo,
  };
}

export type CommissionService = ReturnType<typeof createCommissionService>;

export function createCommissionService(db: Kysely<DB>) {
  return {
    async list(query: { limit: number; cursor?: string | undefined }): Promise<CommissionPage> {
      const after = cursorPosition(query.cursor, COMMISSION_SORT);
      const rows = await listCommissions(db, after, query.limit + 1);
      return toPage(
        rows,
        query.limit,
        (page) => page.map(presentSummary),
        (r) => [r.created_at, r.id],
      );
    },

    async get(id: string): Promise<CommissionDetail> {
      const row = await findCommission(db, id);
      if (!row) throw notFound("commission", id);
      const [sides, coChairs, sessions, programmes, figures] = await Promise.all([
        listSides(db, id),
        listCoChairs(db, id),
        listSessionsOfCommissions(db, [id]),
        listProgrammes(db, id),
        listFigures(db, id),
      ]);
      return {
        ...presentSummary(row),
        version: row.version,
        sides: sides.map((s) => ({
          country: s.country_code,
          secretariat:
            s.secretariat_organization_id && s.secretariat_name
              ? { id: s.secretariat_organization_id, name: s.secretariat_name }
              : null,
        })),
        coChairs: coChairs.map((c) => ({
          side: c.side,
          personId: c.person_id,
          name: c.name,
          position: c.title,
          startsOn: c.starts_on,
          endsOn: c.ends_on,
        })),
        sessions: sessions.map(presentSession),
        programmes: programmes.map((p) => ({
          id: p.id,
          kind: p.kind as "programme" | "roadmap",
          sector: p.sector_code,
          title: p.title,
          startYear: p.start_year,
          endYear: p.end_year,
        })),
        figures: figures.map((f) => ({
          id: f.id,
          sessionId: f.session_id,
          indicator: f.indicator,
          kind: f.kind as "growth_yoy" | "value",
          comparator: f.comparator as "more_than" | "less_than" | "about" | "exactly",
          value: f.value,
          unit: f.unit,
          periodStart: f.period_start,
          periodEnd: f.period_end,
          source: f.source,
        })),
      };
    },
  };
}
