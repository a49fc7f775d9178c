import { type Kysely, type RawBuilder, sql } from "kysely";
import type { RollupFilter, RollupGroup } from "../../../shared/api/monitoring.ts";
import type { LocalizedText } from "../../../shared/i18n-text.ts";
import type { DB } from "../../db/schema.ts";
import { aggregateRow, matchesFilter, type TallyRow, tallyColumns } from "./commitment-tally.ts";

/** How commitments fall into the groups of one roll-up, and how the groups are named and ordered. */
type Grouping = {
  /** A join after `commitments c` when a commitment belongs to several groups (one per responsible, per side). */
  membership: RawBuilder<unknown>;
  key: RawBuilder<unknown>;
  /** Joins the tallied groups `t` to the table that names them, as `l`; groups without a name (no measure) drop. */
  names: RawBuilder<unknown>;
  label: RawBuilder<LocalizedText>;
  order: RawBuilder<unknown>;
};

const none = sql``;

const sessionLabel = sql<LocalizedText>`jsonb_build_object(
  'ru', k.country_a || '–' || k.country_b || ', заседание ' || l.number,
  'en', k.country_a || '–' || k.country_b || ', session ' || l.number,
  'az', k.country_a || '–' || k.country_b || ', iclas №' || l.number)`;

// A measure's code leads its title in every language, as the programme document writes it.
const measureLabel = sql<LocalizedText>`case when l.code is null then l.title
  else (select jsonb_object_agg(e.key, l.code || ' ' || e.value) from jsonb_each_text(l.title) e) end`;

const GROUPINGS: Record<RollupGroup, Grouping> = {
  sector: {
    membership: none,
    key: sql`c.sector_code`,
    names: sql`join sectors l on l.code = t.key`,
    label: sql`l.name`,
    order: sql`l.sort_order`,
  },
  organization: {
    membership: sql`join commitment_responsibles m on m.commitment_id = c.id`,
    key: sql`m.organization_id`,
    names: sql`join organizations l on l.id = t.key`,
    label: sql`l.name`,
    order: sql`t.total desc, t.key`,
  },
  session: {
    membership: none,
    key: sql`c.session_id`,
    names: sql`join sessions l on l.id = t.key join commissions k on k.id = l.commission_id`,
    label: sessionLabel,
    order: sql`k.country_a, k.country_b, l.commission_id, l.number`,
  },
  measure: {
    membership: none,
    key: sql`c.measure_id`,
    names: sql`join programme_measures l on l.id = t.key`,
    label: measureLabel,
    order: sql`l.programme_id, l.position, l.id`,
  },
  commission: {
    membership: none,
    key: sql`c.commission_id`,
    names: sql`join commissions l on l.id = t.key`,
    label: sql`coalesce(l.short_name, l.name)`,
    order: sql`l.country_a, l.country_b, l.id`,
  },
  side: {
    // A semi-join per side of the commission: a DISTINCT over all responsibles spills to disk at scale, and
    // matching the commission as well as the side keeps planners from joining every commission having that side.
    membership: sql`join commission_sides m on m.commission_id = c.commission_id and exists (
      select 1 from commitment_responsibles r
      where r.commitment_id = c.id and r.commission_id = m.commission_id and r.side = m.country_code)`,
    key: sql`m.country_code`,
    names: sql`join countries l on l.code = t.key`,
    label: sql`l.name`,
    order: sql`t.key`,
  },
};

export type RollupRow = TallyRow & { key: string; label: LocalizedText };

/** SQL only: one row per group of the commitments the filter selects, with its status counts and progress. */
export async function loadRollup(
  db: Kysely<DB>,
  groupBy: RollupGroup,
  filter: RollupFilter,
  today: string,
): Promise<RollupRow[]> {
  const grouping = GROUPINGS[groupBy];
  const result = await sql<RollupRow>`
    with tallied as (
      select ${grouping.key} as key, ${tallyColumns(today)}
      from commitments c ${grouping.membership}
      where ${matchesFilter(filter)}
      group by 1
    )
    select t.*, ${grouping.label} as label
    from tallied t ${grouping.names}
    order by ${grouping.order}`.execute(db);
  return result.rows;
}

/** SQL only: the status counts and progress of all the commitments the filter selects. */
export async function loadTally(db: Kysely<DB>, filter: RollupFilter, today: string): Promise<TallyRow> {
  const result = await sql<TallyRow>`
    select ${tallyColumns(today)} from commitments c where ${matchesFilter(filter)}`.execute(db);
  return aggregateRow(result.rows);
}
