import { type Kysely, sql } from "kysely";
import { COUNTRIES } from "../../../shared/countries.ts";
import { SECTOR_CODES } from "../../../shared/sectors.ts";
import type { DB } from "../../db/schema.ts";
import { type Actor, SYSTEM_ACTOR } from "../audit.ts";
import { ACTIONS, TOPICS } from "./scale-vocabulary.ts";

/**
 * A synthetic portfolio of any size (`igc demo --scale`, the benchmarks), built with set-based SQL
 * (INSERT … SELECT … generate_series) so that 1,000,000 commitments take minutes, not hours of round trips. Only
 * the commissions made by this run are touched, so it can be added to a database that already holds records.
 */

/** How much to generate: commitments spread evenly over the commissions' sessions, and the history of each. */
export type PortfolioShape = { commissions: number; commitments: number; updatesPerCommitment: number };

export type PortfolioSize = {
  commissions: number;
  sessions: number;
  documents: number;
  organizations: number;
  commitments: number;
  responsibles: number;
  statusUpdates: number;
};

/** Scale 1: the portfolio IGC Desk is built to carry. */
export const FULL_PORTFOLIO: PortfolioShape = { commissions: 200, commitments: 1_000_000, updatesPerCommitment: 5 };
/** At most 10× the full portfolio: beyond that the country pairs run out and a run takes hours. */
export const MAX_SCALE = 10;
// Two, so that even the smallest portfolio has records a filter by commission leaves out.
const MIN_COMMISSIONS = 2;
const HOME_COUNTRY = "AZ";
const SESSIONS_PER_COMMISSION = 5;
const ORGANIZATIONS_PER_COUNTRY = 8;
const MEASURES_PER_COMMISSION = 10;

/** The full portfolio times `scale`: 0.1 is 100,000 commitments over 20 commissions. */
export function portfolioShape(scale: number): PortfolioShape {
  if (!(scale > 0 && scale <= MAX_SCALE)) throw new RangeError(`The scale must be above 0 and at most ${MAX_SCALE}.`);
  return {
    commissions: Math.max(MIN_COMMISSIONS, Math.round(FULL_PORTFOLIO.commissions * scale)),
    commitments: Math.max(1, Math.round(FULL_PORTFOLIO.commitments * scale)),
    updatesPerCommitment: FULL_PORTFOLIO.updatesPerCommitment,
  };
}

/** Told the name of each step as it starts, and how long it took when it ends. */
export type ProgressReport = (step: string, seconds: number | null) => void;

/** Generates a portfolio in one transaction and returns how many rows it made. */
export async function generatePortfolio(
  db: Kysely<DB>,
  shape: PortfolioShape,
  report: ProgressReport = () => undefined,
  actor: Actor = SYSTEM_ACTOR,
): Promise<PortfolioSize> {
  const step = async <T>(name: string, task: () => Promise<T>): Promise<T> => {
    report(name, null);
    const start = performance.now();
    const result = await task();
    report(name, (performance.now() - start) / 1000);
    return result;
  };
  return db.transaction().execute(async (trx) => {
    // A fixed seed gives the same data on every run and on both engines, so benchmark figures compare.
    await sql`select setseed(0.42)`.execute(trx);
    const commissions = await step(`${shape.commissions} commissions`, () =>
      insertCommissions(trx, shape.commissions, actor),
    );
    await step("sessions and their documents", () => insertSessions(trx, commissions));
    const organizations = await step("organisations", () => insertOrganizations(trx, commissions));
    await step("programmes", () => insertMeasures(trx, commissions));
    await step(`${shape.commitments.toLocaleString("en-US")} commitments`, () =>
      insertCommitments(trx, commissions, shape.commitments),
    );
    await step("responsible organisations", () => insertResponsibles(trx, commissions, organizations));
    await step(`${(shape.commitments * shape.updatesPerCommitment).toLocaleString("en-US")} status updates`, () =>
      insertStatusUpdates(trx, commissions, shape.updatesPerCommitment),
    );
    return portfolioSize(trx, commissions);
  });
}

/**
 * VACUUM as well as ANALYZE, after the transaction: the planner learns the new sizes, the GIN pending list is
 * flushed and autovacuum has nothing left to start in the middle of a benchmark.
 */
export async function settlePortfolio(db: Kysely<DB>): Promise<void> {
  await sql`vacuum analyze`.execute(db);
}

/**
 * The country pairs of `count` new commissions: the home country's with each partner first (one ministry's
 * portfolio), then any other pairs, as an installation serving several ministries would hold.
 */
function commissionPairs(count: number, taken: Set<string>): [string, string][] {
  const codes = Object.keys(COUNTRIES).sort();
  // Each pair in the order the schema's CHECK (country_a < country_b) requires.
  const pairs = codes
    .flatMap((a, i) => codes.slice(i + 1).map((b): [string, string] => [a, b]))
    .filter((pair) => !taken.has(pair.join("-")));
  const involvesHome = (pair: [string, string]) => pair.includes(HOME_COUNTRY);
  const ordered = [...pairs.filter(involvesHome), ...pairs.filter((pair) => !involvesHome(pair))];
  if (count > ordered.length) {
    throw new RangeError(`Only ${ordered.length} more commissions fit: one per pair of countries.`);
  }
  return ordered.slice(0, count);
}

/** The new commissions (marked as demo records) and their sides; returns their ids. */
async function insertCommissions(db: Kysely<DB>, count: number, actor: Actor): Promise<string[]> {
  const existing = await db.selectFrom("commissions").select(["country_a", "country_b"]).execute();
  const taken = new Set(existing.map((c) => `${c.country_a}-${c.country_b}`));
  const pairs = commissionPairs(count, taken).map(([a, b]) => ({ a, b }));
  const names = Object.entries(COUNTRIES).map(([code, name]) => ({ code, ru: name.ru, en: name.en }));
  const inserted = await sql<{ id: string }>`
    with names as (select * from jsonb_to_recordset(${JSON.stringify(names)}::jsonb) as n (code text, ru text, en text)),
    pairs as (select * from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p (a text, b text))
    insert into commissions (country_a, country_b, name, founded_on, is_demo)
    select pairs.a, pairs.b,
      jsonb_build_object('ru', 'Межправительственная комиссия ' || na.ru || ' — ' || nb.ru,
                         'en', 'Intergovernmental commission ' || na.en || ' — ' || nb.en),
      date '2019-01-01', true
    from pairs
    join names na on na.code = pairs.a
    join names nb on nb.code = pairs.b
    returning id`.execute(db);
  const ids = inserted.rows.map((row) => row.id);
  await sql`
    insert into commission_sides (commission_id, country_code)
    select id, country_a from commissions where id = any(${ids}::uuid[])
    union all
    select id, country_b from commissions where id = any(${ids}::uuid[])`.execute(db);
  await sql`
    insert into audit_events (actor, action, entity_type, entity_id, after, request_id, actor_user_id)
    select ${actor.name}::text, 'demo.generate', 'commission', id::text, jsonb_build_object('name', name),
      ${actor.requestId}::text, ${actor.userId ?? null}::uuid
    from commissions where id = any(${ids}::uuid[])`.execute(db);
  return ids;
}

/** Held sessions, hosted by each side in turn, each with its signed protocol and a press release. */
async function insertSessions(db: Kysely<DB>, commissions: string[]): Promise<void> {
  await sql`
    insert into sessions (commission_id, number, host_country, starts_on, ends_on, status)
    select c.id, n, case when n % 2 = 1 then c.country_a else c.country_b end,
      make_date(2020 + n, 10, 1), make_date(2020 + n, 10, 2), 'held'
    from commissions c
    cross join generate_series(1, ${SESSIONS_PER_COMMISSION}::int) as n
    where c.id = any(${commissions}::uuid[])`.execute(db);
  await sql`
    insert into documents (commission_id, session_id, kind, title, languages, signed_on)
    select s.commission_id, s.id, kind.name,
      jsonb_build_object('ru', kind.ru || ' ' || s.number || '-го заседания', 'en', kind.en || ' session ' || s.number),
      array['ru', 'en'], case when kind.name = 'protocol' then s.ends_on end
    from sessions s
    cross join (values ('protocol', 'Протокол', 'Protocol of'), ('press_release', 'Пресс-релиз', 'Press release on'))
      as kind (name, ru, en)
    where s.commission_id = any(${commissions}::uuid[])`.execute(db);
}

/** Ministries and agencies of every country the new commissions involve; returns their ids. */
async function insertOrganizations(db: Kysely<DB>, commissions: string[]): Promise<string[]> {
  const inserted = await sql<{ id: string }>`
    insert into organizations (country_code, kind, name)
    select side.country_code, case when k % 2 = 0 then 'ministry' else 'agency' end,
      jsonb_build_object('ru', 'Ведомство ' || k || ' (' || side.country_code || ')',
                         'en', 'Agency ' || k || ' (' || side.country_code || ')')
    from (select distinct country_code from commission_sides where commission_id = any(${commissions}::uuid[])) side
    cross join generate_series(1, ${ORGANIZATIONS_PER_COUNTRY}::int) as k
    returning id`.execute(db);
  const ids = inserted.rows.map((row) => row.id);
  // Search and import find organisations by their aliases, the English name among them.
  await sql`
    insert into organization_aliases (organization_id, alias, normalized)
    select id, name ->> 'en', lower(name ->> 'en') from organizations where id = any(${ids}::uuid[])`.execute(db);
  return ids;
}

/** One cooperation programme per commission, with measures its commitments implement. */
async function insertMeasures(db: Kysely<DB>, commissions: string[]): Promise<void> {
  await sql`
    insert into programmes (commission_id, kind, title, start_year, end_year)
    select id, 'programme', jsonb_build_object('ru', 'Программа сотрудничества', 'en', 'Cooperation programme'),
      2024, 2029
    from commissions where id = any(${commissions}::uuid[])`.execute(db);
  await sql`
    insert into programme_measures (programme_id, code, title, position)
    select p.id, k || '.', jsonb_build_object('ru', 'Мера ' || k, 'en', 'Measure ' || k), k
    from programmes p
    cross join generate_series(1, ${MEASURES_PER_COMMISSION}::int) as k
    where p.commission_id = any(${commissions}::uuid[])`.execute(db);
}

/**
 * Each session gets an equal, contiguous run of commitments in protocol order: a protocol is entered in one go, so
 * a session's rows sit together on disk as they do in real use. Deadlines span 2024–2028 around the benchmark's
 * fixed "today" (2026-07-01), so some open commitments are overdue; due_date is the last day of the deadline's
 * period, null when there is none. Every commitment of every second commission has a weight (so both roll-up
 * rules are measured), half implement a programme measure, and one in twenty of those in progress awaits the
 * secretariat's confirmation.
 */
async function insertCommitments(db: Kysely<DB>, commissions: string[], count: number): Promise<void> {
  await sql`
    with numbered_sessions as (
      select id, commission_id, (row_number() over (order by commission_id, number) - 1)::int as k,
        (dense_rank() over (order by commission_id))::int % 2 = 0 as weighted
      from sessions
      where commission_id = any(${commissions}::uuid[])
    ),
    measures as (
      select p.commission_id, array_agg(m.id order by m.position) as ids
      from programme_measures m join programmes p on p.id = m.programme_id
      where p.commission_id = any(${commissions}::uuid[])
      group by p.commission_id
    ),
    words as (
      select ${ACTIONS.map((a) => a.ru)}::text[] as actions_ru, ${ACTIONS.map((a) => a.en)}::text[] as actions_en,
        ${TOPICS.map((t) => t.ru)}::text[] as topics_ru, ${TOPICS.map((t) => t.en)}::text[] as topics_en,
        ${SECTOR_CODES}::text[] as sectors
    ),
    draws as (
      select i, (i::bigint * (select count(*) from numbered_sessions) / ${count}::int)::int as session_k,
        random() as deadline_draw, random() as status_draw, random() as progress_draw,
        1 + floor(random() * ${ACTIONS.length}::int)::int as action,
        1 + floor(random() * ${TOPICS.length}::int)::int as topic_a,
        1 + floor(random() * ${TOPICS.length}::int)::int as topic_b,
        1 + floor(random() * ${SECTOR_CODES.length}::int)::int as sector,
        (date '2024-01-01' + floor(random() * 365 * 5)::int)::timestamp as day,
        random() * interval '700 days' as age,
        random() as link_draw
      from generate_series(0, ${count}::int - 1) as i
    ),
    shaped as (
      select d.*,
        case when deadline_draw < 0.10 then 'none' when deadline_draw < 0.20 then 'ongoing'
             when deadline_draw < 0.45 then 'year' when deadline_draw < 0.70 then 'quarter'
             when deadline_draw < 0.85 then 'month' else 'day' end as deadline_kind,
        case when status_draw < 0.3 then 'not_started' when status_draw < 0.7 then 'in_progress'
             else 'done' end as status
      from draws d
    ),
    placed as (
      select shaped.*, s.id as session_id, s.commission_id, s.weighted,
        (row_number() over (partition by s.k order by shaped.i) - 1)::int as position
      from shaped
      join numbered_sessions s on s.k = shaped.session_k
    )
    insert into commitments (commission_id, session_id, item_number, position, sector_code, text, deadline, due_date,
                             status, progress, weight, measure_id, awaiting_confirmation, created_at, updated_at)
    select placed.commission_id, session_id, (position + 1)::text, position,
      w.sectors[sector],
      jsonb_build_object(
        'ru', w.actions_ru[action] || ': ' || w.topics_ru[topic_a] || ', ' || w.topics_ru[topic_b],
        'en', w.actions_en[action] || ': ' || w.topics_en[topic_a] || ', ' || w.topics_en[topic_b]),
      case deadline_kind
        when 'none' then null
        when 'ongoing' then 'ongoing'
        when 'year' then to_char(day, 'YYYY')
        when 'quarter' then to_char(day, 'YYYY-"Q"Q')
        when 'month' then to_char(day, 'YYYY-MM')
        else to_char(day, 'YYYY-MM-DD') end,
      case deadline_kind
        when 'year' then (date_trunc('year', day) + interval '1 year - 1 day')::date
        when 'quarter' then (date_trunc('quarter', day) + interval '3 months - 1 day')::date
        when 'month' then (date_trunc('month', day) + interval '1 month - 1 day')::date
        when 'day' then day::date end,
      status,
      case status when 'done' then 100 when 'in_progress' then 10 + floor(progress_draw * 80)::int else 0 end,
      case when weighted then 1 + i % 3 end,
      case when link_draw < 0.5 then m.ids[1 + floor(link_draw * 2 * ${MEASURES_PER_COMMISSION}::int)::int] end,
      status = 'in_progress' and link_draw > 0.95,
      now() - age, now() - age * progress_draw
    from placed
    join measures m on m.commission_id = placed.commission_id
    cross join words w
    order by i`.execute(db);
}

/**
 * Every commitment has a lead organisation of the session's host country; every second one also a partner on
 * the other side.
 */
async function insertResponsibles(db: Kysely<DB>, commissions: string[], organizations: string[]): Promise<void> {
  await sql`
    with ranked_organizations as (
      select id, country_code, (row_number() over (partition by country_code order by id) - 1)::int as rank
      from organizations
      where id = any(${organizations}::uuid[])
    )
    insert into commitment_responsibles (commitment_id, organization_id, commission_id, side, lead)
    select c.id, o.id, c.commission_id, side.country_code, side.country_code = s.host_country
    from commitments c
    join sessions s on s.id = c.session_id
    join commission_sides side on side.commission_id = c.commission_id
    join ranked_organizations o
      on o.country_code = side.country_code and o.rank = c.position % ${ORGANIZATIONS_PER_COUNTRY}::int
    where c.commission_id = any(${commissions}::uuid[])
      and (side.country_code = s.host_country or c.position % 2 = 0)`.execute(db);
}

/**
 * The history of each commitment: `perCommitment` updates a week apart, alternating sides, that bring it from
 * not started to where it stands now.
 */
async function insertStatusUpdates(db: Kysely<DB>, commissions: string[], perCommitment: number): Promise<void> {
  await sql`
    insert into status_updates (commitment_id, side, author_name, kind, previous_status, status, previous_progress,
                                progress, text, created_at)
    select c.id, case when k % 2 = 0 then cm.country_a else cm.country_b end, 'Focal point ' || k,
      case when k = ${perCommitment}::int then 'confirmation' else 'side_report' end,
      case when k = 1 then 'not_started' else 'in_progress' end,
      case when k = ${perCommitment}::int then c.status else 'in_progress' end,
      c.progress * (k - 1) / ${perCommitment}::int, c.progress * k / ${perCommitment}::int,
      'Progress report ' || k || ': ' || (c.text ->> 'en'),
      c.created_at + k * interval '7 days'
    from commitments c
    join commissions cm on cm.id = c.commission_id
    cross join generate_series(1, ${perCommitment}::int) as k
    where c.commission_id = any(${commissions}::uuid[])`.execute(db);
}

async function portfolioSize(db: Kysely<DB>, commissions: string[]): Promise<PortfolioSize> {
  const ids = sql`${commissions}::uuid[]`;
  const result = await sql<PortfolioSize>`
    select ${commissions.length}::int as commissions,
      (select count(*) from sessions where commission_id = any(${ids}))::int as sessions,
      (select count(*) from documents where commission_id = any(${ids}))::int as documents,
      (select count(distinct organization_id) from commitment_responsibles
        where commission_id = any(${ids}))::int as organizations,
      (select count(*) from commitments where commission_id = any(${ids}))::int as commitments,
      (select count(*) from commitment_responsibles where commission_id = any(${ids}))::int as responsibles,
      (select count(*) from status_updates u join commitments c on c.id = u.commitment_id
        where c.commission_id = any(${ids}))::int as "statusUpdates"`.execute(db);
  const [size] = result.rows;
  if (!size) throw new Error("Counting the generated rows returned nothing.");
  return size;
}
