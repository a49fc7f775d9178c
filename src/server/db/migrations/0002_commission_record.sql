-- The complete commission record: scheduling of sessions, delegations, document files, programme measures,
-- joint bodies, projects and indicator observations, and the links from commitments to them.

-- How a session's dates were fixed: proposals and answers exchanged through diplomatic notes.
create table session_schedule_steps (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references sessions (id) on delete cascade,
  kind text not null check (kind in ('proposal', 'answer', 'agreement', 'postponement', 'other')),
  from_side char(2) references countries (code),
  proposed_starts_on date,
  proposed_ends_on date,
  note_reference text check (note_reference is null or length(note_reference) <= 200),
  text text check (text is null or length(text) <= 5000),
  occurred_on date not null,
  created_at timestamptz not null default now(),
  check (proposed_ends_on is null or (proposed_starts_on is not null and proposed_ends_on >= proposed_starts_on))
);
create index session_schedule_steps_session_idx on session_schedule_steps (session_id, occurred_on);

-- Who came: people and organisations per side, with their role in the delegation.
create table delegation_members (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references sessions (id) on delete cascade,
  side char(2) not null references countries (code),
  person_id uuid references people (id),
  organization_id uuid references organizations (id),
  role text not null default 'member' check (role in ('head', 'co_chair', 'member', 'expert', 'secretariat', 'other')),
  check (person_id is not null or organization_id is not null)
);
create index delegation_members_session_idx on delegation_members (session_id);

-- A document's file is kept in the database, so that one backup holds everything and instances share it.
alter table documents
  add column file_name text check (file_name is null or length(file_name) <= 255),
  add column media_type text,
  add column size_bytes int check (size_bytes is null or size_bytes >= 0),
  add column sha256 text check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
  add column search tsvector generated always as (
    to_tsvector('russian', coalesce(title ->> 'ru', '')) ||
    to_tsvector('english', coalesce(title ->> 'en', '')) ||
    to_tsvector('simple', coalesce(title ->> 'az', '') || ' ' || coalesce(file_name, ''))
  ) stored;
create index documents_search_idx on documents using gin (search);
create index documents_commission_idx on documents (commission_id, created_at);

create table document_files (
  document_id uuid primary key references documents (id) on delete cascade,
  content bytea not null
);

create table programme_measures (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes (id) on delete cascade,
  code text check (code is null or length(code) <= 20),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  sector_code text references sectors (code),
  due_year int check (due_year is null or due_year between 1990 and 2100),
  weight numeric check (weight is null or weight > 0),
  position int not null default 0,
  version int not null default 1 check (version > 0)
);
create index programme_measures_programme_idx on programme_measures (programme_id, position);

create table joint_bodies (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id) on delete cascade,
  kind text not null check (kind in ('fund', 'business_council', 'working_group', 'other')),
  name jsonb not null check (jsonb_typeof(name) = 'object' and name <> '{}'::jsonb),
  sector_code text references sectors (code),
  status text not null default 'active' check (status in ('proposed', 'active', 'inactive')),
  established_on date,
  capital numeric check (capital is null or capital >= 0),
  currency text check (currency is null or currency ~ '^[A-Z]{3}$'),
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now()
);
create index joint_bodies_commission_idx on joint_bodies (commission_id);

create table projects (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id) on delete cascade,
  name jsonb not null check (jsonb_typeof(name) = 'object' and name <> '{}'::jsonb),
  sector_code text references sectors (code),
  status text not null default 'idea' check (status in ('idea', 'study', 'agreed', 'in_progress', 'completed', 'cancelled')),
  location jsonb check (location is null or jsonb_typeof(location) = 'object'),
  value numeric check (value is null or value >= 0),
  currency text check (currency is null or currency ~ '^[A-Z]{3}$'),
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  check (value is null or currency is not null)
);
create index projects_commission_idx on projects (commission_id);

-- Organisations taking part in a joint body or a project, per side.
create table participations (
  id uuid primary key default gen_random_uuid(),
  joint_body_id uuid references joint_bodies (id) on delete cascade,
  project_id uuid references projects (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  side char(2) references countries (code),
  role text check (role is null or length(role) <= 100),
  check ((joint_body_id is null) <> (project_id is null))
);
create unique index participations_body_org_idx on participations (joint_body_id, organization_id) where joint_body_id is not null;
create unique index participations_project_org_idx on participations (project_id, organization_id) where project_id is not null;

alter table commitments
  add column measure_id uuid references programme_measures (id) on delete set null,
  add column project_id uuid references projects (id) on delete set null,
  add column joint_body_id uuid references joint_bodies (id) on delete set null;
create index commitments_measure_idx on commitments (measure_id) where measure_id is not null;
create index commitments_project_idx on commitments (project_id) where project_id is not null;
create index commitments_joint_body_idx on commitments (joint_body_id) where joint_body_id is not null;
create index commitments_carried_over_idx on commitments (carried_over_from_id) where carried_over_from_id is not null;

-- Bilateral trade as each country's statistics report it: both are kept, they often differ.
create table indicator_observations (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id) on delete cascade,
  indicator text not null check (indicator in ('trade_turnover', 'exports', 'imports')),
  reporter char(2) not null references countries (code),
  period text not null check (period ~ '^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
  value numeric not null check (value >= 0),
  unit text not null check (length(unit) between 1 and 40),
  source text check (source is null or length(source) <= 500),
  created_at timestamptz not null default now(),
  unique (commission_id, indicator, reporter, period)
);

-- Names of people searchable in every script they are stored in.
alter table people
  add column search tsvector generated always as (
    to_tsvector('simple', coalesce(name ->> 'ru', '') || ' ' || coalesce(name ->> 'en', '') || ' ' || coalesce(name ->> 'az', ''))
  ) stored;
create index people_search_idx on people using gin (search);
