-- Core schema of IGC Desk: the commission record and the implementation of its commitments.
-- Multilingual texts are jsonb objects {ru?, en?, az?}; dates are ISO days; every editable row carries `version`.

create table countries (
  code char(2) primary key check (code ~ '^[A-Z]{2}$'),
  name jsonb not null check (jsonb_typeof(name) = 'object')
);

create table sectors (
  code text primary key check (code ~ '^[a-z][a-z-]*$'),
  name jsonb not null check (jsonb_typeof(name) = 'object'),
  sort_order int not null
);

create table organizations (
  id uuid primary key default gen_random_uuid(),
  country_code char(2) references countries (code),
  kind text not null check (kind in ('government', 'ministry', 'agency', 'company', 'fund', 'chamber', 'university', 'joint_body', 'other')),
  name jsonb not null check (jsonb_typeof(name) = 'object' and name <> '{}'::jsonb),
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_country_idx on organizations (country_code);

-- Every name an organisation goes by (SOCAR, ГНКАР, «Кыргызнефтегаз» …); `normalized` is what import matches on.
create table organization_aliases (
  id bigint generated always as identity primary key,
  organization_id uuid not null references organizations (id) on delete cascade,
  alias text not null check (length(alias) between 1 and 500),
  normalized text not null check (length(normalized) between 1 and 500),
  unique (organization_id, normalized)
);
create index organization_aliases_normalized_idx on organization_aliases (normalized);

create table people (
  id uuid primary key default gen_random_uuid(),
  name jsonb not null check (jsonb_typeof(name) = 'object' and name <> '{}'::jsonb), -- nominative case, per script
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table positions (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references people (id) on delete cascade,
  organization_id uuid references organizations (id),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  starts_on date,
  ends_on date,
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index positions_person_idx on positions (person_id);

create table commissions (
  id uuid primary key default gen_random_uuid(),
  country_a char(2) not null references countries (code),
  country_b char(2) not null references countries (code),
  name jsonb not null check (jsonb_typeof(name) = 'object' and name <> '{}'::jsonb),
  short_name jsonb check (short_name is null or jsonb_typeof(short_name) = 'object'),
  founded_on date,
  is_demo boolean not null default false,
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (country_a < country_b) -- one order per pair, so a pair cannot be entered twice the other way round
);

-- The two sides of a commission; other tables reference (commission_id, country_code) so a side is always valid.
create table commission_sides (
  commission_id uuid not null references commissions (id) on delete cascade,
  country_code char(2) not null references countries (code),
  secretariat_organization_id uuid references organizations (id),
  primary key (commission_id, country_code)
);

create table commission_co_chairs (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null,
  side char(2) not null,
  position_id uuid not null references positions (id),
  starts_on date,
  ends_on date,
  foreign key (commission_id, side) references commission_sides (commission_id, country_code) on delete cascade,
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index commission_co_chairs_commission_idx on commission_co_chairs (commission_id);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id) on delete cascade,
  number int not null check (number > 0),
  host_country char(2) not null,
  city jsonb check (city is null or jsonb_typeof(city) = 'object'),
  starts_on date,
  ends_on date,
  status text not null default 'planned' check (status in ('planned', 'dates_agreed', 'held')),
  dates_via_diplomatic_channels boolean not null default false,
  is_demo boolean not null default false,
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (commission_id, number),
  unique (id, commission_id),
  foreign key (commission_id, host_country) references commission_sides (commission_id, country_code),
  check (ends_on is null or (starts_on is not null and ends_on >= starts_on)),
  check (status = 'planned' or starts_on is not null) -- agreed or held sessions have dates
);

-- The programme of a session: co-chairs' meeting, extended session, signing, site visits …
create table session_events (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references sessions (id) on delete cascade,
  parent_id uuid references session_events (id) on delete cascade,
  kind text not null check (kind in ('co_chairs_meeting', 'extended_session', 'signing', 'business_forum', 'site_visit', 'other')),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  place jsonb check (place is null or jsonb_typeof(place) = 'object'),
  starts_on date,
  position int not null default 0
);
create index session_events_session_idx on session_events (session_id);

create table documents (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id) on delete cascade,
  session_id uuid references sessions (id) on delete set null,
  kind text not null check (kind in ('protocol', 'agenda', 'press_release', 'memorandum', 'report', 'other')),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  languages text[] not null default '{}',
  signed_on date,
  source text,
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now()
);
create index documents_session_idx on documents (session_id);

create table document_signatories (
  document_id uuid not null references documents (id) on delete cascade,
  person_id uuid not null references people (id),
  side char(2) not null references countries (code),
  primary key (document_id, person_id)
);

create table programmes (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id) on delete cascade,
  kind text not null check (kind in ('programme', 'roadmap')),
  sector_code text references sectors (code),
  title jsonb not null check (jsonb_typeof(title) = 'object' and title <> '{}'::jsonb),
  start_year int not null check (start_year between 1990 and 2100),
  end_year int not null check (end_year between 1990 and 2100),
  version int not null default 1 check (version > 0),
  check (end_year >= start_year)
);
create index programmes_commission_idx on programmes (commission_id);

-- Figures as a session's documents report them (e.g. trade turnover +94% for Jan–Oct 2025).
create table reported_figures (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null references commissions (id) on delete cascade,
  session_id uuid references sessions (id) on delete set null,
  indicator text not null check (indicator in ('trade_turnover', 'exports', 'imports')),
  kind text not null check (kind in ('growth_yoy', 'value')),
  comparator text not null default 'exactly' check (comparator in ('more_than', 'less_than', 'about', 'exactly')),
  value numeric not null,
  unit text not null check (length(unit) between 1 and 40),
  period_start text not null check (period_start ~ '^\d{4}(-\d{2})?$'),
  period_end text not null check (period_end ~ '^\d{4}(-\d{2})?$'),
  source jsonb check (source is null or jsonb_typeof(source) = 'object'),
  check (period_end >= period_start)
);
create index reported_figures_commission_idx on reported_figures (commission_id);

create table commitments (
  id uuid primary key default gen_random_uuid(),
  commission_id uuid not null,
  session_id uuid not null,
  item_number text check (item_number is null or length(item_number) between 1 and 20),
  position int not null check (position >= 0),
  sector_code text not null references sectors (code),
  text jsonb not null check (jsonb_typeof(text) = 'object' and text <> '{}'::jsonb),
  deadline text check (deadline is null or deadline ~ '^(\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?|ongoing)$'),
  due_date date, -- last day of the deadline's period, kept beside it for indexed overdue and deadline queries
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done', 'dropped')),
  progress smallint not null default 0 check (progress between 0 and 100),
  dropped_reason text,
  programme_id uuid references programmes (id) on delete set null,
  carried_over_from_id uuid references commitments (id) on delete set null,
  version int not null default 1 check (version > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    to_tsvector('russian', coalesce(text ->> 'ru', '')) ||
    to_tsvector('english', coalesce(text ->> 'en', '')) ||
    to_tsvector('simple', coalesce(text ->> 'az', '') || ' ' || coalesce(item_number, ''))
  ) stored,
  foreign key (session_id, commission_id) references sessions (id, commission_id) on delete cascade,
  check ((deadline is null or deadline = 'ongoing') = (due_date is null)),
  check (status <> 'dropped' or dropped_reason is not null),
  check (status <> 'done' or progress = 100),
  check (carried_over_from_id is null or carried_over_from_id <> id)
);
create index commitments_session_position_idx on commitments (session_id, position, id);
create index commitments_commission_idx on commitments (commission_id, sector_code, status);
create index commitments_open_due_idx on commitments (due_date, id) where status in ('not_started', 'in_progress');
create index commitments_updated_idx on commitments (updated_at desc, id desc);
create index commitments_search_idx on commitments using gin (search);

create table commitment_responsibles (
  commitment_id uuid not null references commitments (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  commission_id uuid not null,
  side char(2) not null,
  lead boolean not null default false,
  primary key (commitment_id, organization_id),
  foreign key (commission_id, side) references commission_sides (commission_id, country_code)
);
create index commitment_responsibles_org_idx on commitment_responsibles (organization_id, commitment_id);

-- Append-only history of a commitment: each row records the change it made.
create table status_updates (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references commitments (id) on delete cascade,
  side char(2) references countries (code),
  author_name text not null check (length(author_name) between 1 and 200),
  previous_status text not null,
  status text not null check (status in ('not_started', 'in_progress', 'done', 'dropped')),
  previous_progress smallint not null,
  progress smallint not null check (progress between 0 and 100),
  text text not null check (length(text) between 1 and 20000),
  created_at timestamptz not null default now()
);
create index status_updates_commitment_idx on status_updates (commitment_id, created_at);

create table audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb,
  request_id text
);
create index audit_events_entity_idx on audit_events (entity_type, entity_id, occurred_at);
