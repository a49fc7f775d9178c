import { type Kysely, sql } from "kysely";
import type { DB } from "../src/server/db/schema.ts";
import { COUNTRIES } from "../src/shared/countries.ts";
import { SECTOR_CODES } from "../src/shared/sectors.ts";

/**
 * A synthetic commission record of any size, built with set-based SQL (INSERT … SELECT … generate_series) so
 * that 100,000 commitments take seconds, not minutes of round trips.
 */

const HOME_COUNTRY = "AZ";
const SESSIONS_PER_COMMISSION = 5;
const ORGANIZATIONS_PER_COUNTRY = 8;
const MEASURES_PER_COMMISSION = 10;

const ACTIONS: { ru: string; en: string }[] = [
  { ru: "Расширить сотрудничество", en: "Expand cooperation" },
  { ru: "Подготовить соглашение", en: "Prepare an agreement" },
  { ru: "Провести заседание рабочей группы", en: "Hold a working group meeting" },
  { ru: "Изучить возможность совместного проекта", en: "Study a joint project" },
  { ru: "Организовать бизнес-форум", en: "Organise a business forum" },
];

/** Topics the commitment texts are made of; each appears in roughly 2 of every TOPICS.length commitments. */
export const TOPICS = [
  { ru: "газопровод", en: "gas pipeline" },
  { ru: "железная дорога", en: "railway" },
  { ru: "хлопок", en: "cotton" },
  { ru: "гидроэлектростанция", en: "hydropower plant" },
  { ru: "туризм", en: "tourism" },
  { ru: "таможенное оформление", en: "customs clearance" },
  { ru: "зерно", en: "grain" },
  { ru: "удобрения", en: "fertilisers" },
  { ru: "фармацевтика", en: "pharmaceuticals" },
  { ru: "электроэнергия", en: "electricity" },
  { ru: "нефтепереработка", en: "oil refining" },
  { ru: "стипендии", en: "scholarships" },
  { ru: "авиасообщение", en: "air service" },
  { ru: "виноделие", en: "winemaking" },
  { ru: "текстиль", en: "textiles" },
  { ru: "логистический центр", en: "logistics hub" },
  { ru: "солнечная энергетика", en: "solar power" },
  { ru: "ветеринария", en: "veterinary control" },
  { ru: "выставка", en: "exhibition" },
  { ru: "кибербезопасность", en: "cybersecurity" },
] as const satisfies readonly { ru: string; en: string }[];

/** How much to generate: commitments spread evenly over the commissions' sessions, and the history of each. */
export type DatasetShape = { commitments: number; commissions: number; updatesPerCommitment: number };

export type DatasetSize = {
  commissions: number;
  sessions: number;
  organizations: number;
  commitments: number;
  responsibles: number;
  statusUpdates: number;
};

/** Fills an empty, migrated database in one transaction and returns how many rows it made. */
export async function generateDataset(db: Kysely<DB>, shape: DatasetShape): Promise<DatasetSize> {
  await db.transaction().execute(async (trx) => {
    // A fixed seed gives the same data on every run and on both engines, so their figures compare.
    await sql`select setseed(0.42)`.execute(trx);
    await insertCommissions(trx, shape.commissions);
    await insertSessions(trx);
    await insertOrganizations(trx);
    await insertMeasures(trx);
    await insertCommitments(trx, shape.commitments);
    await insertResponsibles(trx);
    await insertStatusUpdates(trx, shape.updatesPerCommitment);
  });
  return datasetSize(db);
}

/**
 * The country pairs of `count` commissions: the home country's with each partner first (one ministry's
 * portfolio), then any other pairs, as an installation serving several ministries would hold.
 */
function commissionPairs(count: number): [string, string][] {
  const codes = Object.keys(COUNTRIES);
  // Each pair in the order the schema's CHECK (country_a < country_b) requires.
  const pairs = codes.flatMap((a, i) => codes.slice(i + 1).map((b): [string, string] => (a < b ? [a, b] : [b, a])));
  const involvesHome = (pair: [string, string]) => pair.includes(HOME_COUNTRY);
  const ordered = [...pairs.filter(involvesHome), ...pairs.filter((pair) => !involvesHome(pair))];
  if (count > ordered.length) throw new Error(`At most ${ordered.length} commissions: one per pair of countries.`);
  return ordered.slice(0, count);
}

async function insertCommissions(db: Kysely<DB>, count: number): Promise<void> {
  const pairs = commissionPairs(count).map(([a, b]) => ({ a, b }));
  const names = Object.entries(COUNTRIES).map(([code, name]) => ({ code, ru: name.ru, en: name.en }));
  await sql`
    with names as (select * from jsonb_to_recordset(${JSON.stringify(names)}::jsonb) as n (code text, ru text, en text)),
    pairs as (select * from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p (a text, b text))
    insert into commissions (country_a, country_b, name)
    select pairs.a, pairs.b,
      jsonb_build_object('ru', 'Межправительственная комиссия ' || na.ru || ' — ' || nb.ru,
                         'en', 'Intergovernmental commission ' || na.en || ' — ' || nb.en)
    from pairs
    join names na on na.code = pairs.a
    join names nb on nb.code = pairs.b`.execute(db);
  await sql`
    insert into commission_sides (commission_id, country_code)
    select id, country_a from commissions
    union all
    select id, country_b from commissions`.execute(db);
}

/** Held sessions, hosted by each side in turn. */
async function insertSessions(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into sessions (commission_id, number, host_country, starts_on, status)
    select c.id, n, case when n % 2 = 1 then c.country_a else c.country_b end, make_date(2020 + n, 10, 1), 'held'
    from commissions c
    cross join generate_series(1, ${SESSIONS_PER_COMMISSION}::int) as n`.execute(db);
}

async function insertOrganizations(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into organizations (country_code, kind, name)
    select side.country_code, case when k % 2 = 0 then 'ministry' else 'agency' end,
      jsonb_build_object('ru', 'Ведомство ' || k || ' (' || side.country_code || ')',
                         'en', 'Agency ' || k || ' (' || side.country_code || ')')
    from (select distinct country_code from commission_sides) side
    cross join generate_series(1, ${ORGANIZATIONS_PER_COUNTRY}::int) as k`.execute(db);
}

/** One cooperation programme per commission, with measures its commitments implement. */
async function insertMeasures(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into programmes (commission_id, kind, title, start_year, end_year)
    select id, 'programme', jsonb_build_object('ru', 'Программа сотрудничества', 'en', 'Cooperation programme'),
      2024, 2029
    from commissions`.execute(db);
  await sql`
    insert into programme_measures (programme_id, code, title, position)
    select p.id, k || '.', jsonb_build_object('ru', 'Мера ' || k, 'en', 'Measure ' || k), k
    from programmes p
    cross join generate_series(1, ${MEASURES_PER_COMMISSION}::int) as k`.execute(db);
}

/**
 * Each session gets an equal, contiguous run of commitments in protocol order: a protocol is entered in one go, so
 * a session's rows sit together on disk as they do in real use. Deadlines span 2024–2028 around the benchmark's
 * fixed "today" (2026-07-01), so some open commitments are overdue; due_date is the last day of the deadline's
 * period, null when there is none. Every commitment of every second commission has a weight (so both roll-up
 * rules are measured), half implement a programme measure, and one in twenty of those in progress awaits the
 * secretariat's confirmation.
 */
async function insertCommitments(db: Kysely<DB>, count: number): Promise<void> {
  await sql`
    with numbered_sessions as (
      select id, commission_id, (row_number() over (order by commission_id, number) - 1)::int as k,
        (dense_rank() over (order by commission_id))::int % 2 = 0 as weighted
      from sessions
    ),
    measures as (
      select p.commission_id, array_agg(m.id order by m.position) as ids
      from programme_measures m join programmes p on p.id = m.programme_id
      group by p.commission_id
    ),
    words as (
      select ${ACTIONS.map((a) => a.ru)}::text[] as actions_ru, ${ACTIONS.map((a) => a.en)}::text[] as actions_en,
        ${TOPICS.map((t) => t.ru)}::text[] as topics_ru, ${TOPICS.map((t) => t.en)}::text[] as topics_en,
        ${SECTOR_CODES}::text[] as sectors
    ),
    draws as (
      select i, (i::bigint * (select count(*) from sessions) / ${count}::int)::int as session_k,
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
async function insertResponsibles(db: Kysely<DB>): Promise<void> {
  await sql`
    with ranked_organizations as (
      select id, country_code, (row_number() over (partition by country_code order by id) - 1)::int as rank
      from organizations
    )
    insert into commitment_responsibles (commitment_id, organization_id, commission_id, side, lead)
    select c.id, o.id, c.commission_id, side.country_code, side.country_code = s.host_country
    from commitments c
    join sessions s on s.id = c.session_id
    join commission_sides side on side.commission_id = c.commission_id
    join ranked_organizations o
      on o.country_code = side.country_code and o.rank = c.position % ${ORGANIZATIONS_PER_COUNTRY}::int
    where side.country_code = s.host_country or c.position % 2 = 0`.execute(db);
}

/**
 * The history of each commitment: `perCommitment` updates a week apart, alternating sides, that bring it from
 * not started to where it stands now.
 */
async function insertStatusUpdates(db: Kysely<DB>, perCommitment: number): Promise<void> {
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
    cross join generate_series(1, ${perCommitment}::int) as k`.execute(db);
}

async function datasetSize(db: Kysely<DB>): Promise<DatasetSize> {
  const result = await sql<DatasetSize>`
    select (select count(*) from commissions)::int as commissions,
      (select count(*) from sessions)::int as sessions,
      (select count(*) from organizations)::int as organizations,
      (select count(*) from commitments)::int as commitments,
      (select count(*) from commitment_responsibles)::int as responsibles,
      (select count(*) from status_updates)::int as "statusUpdates"`.execute(db);
  const [size] = result.rows;
  if (!size) throw new Error("Counting the generated rows returned nothing.");
  return size;
}
