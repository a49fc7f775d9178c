-- Implementation monitoring: focal points inside responsible organisations, each side's own report, the
-- secretariat's confirmation (joint sign-off), evidence files, comments, watchers and notifications.

create table focal_points (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  person_id uuid references people (id) on delete set null,
  name text not null check (length(name) between 1 and 200),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index focal_points_org_email_idx on focal_points (organization_id, lower(email));
create index focal_points_email_idx on focal_points (lower(email));

create table commitment_focal_points (
  commitment_id uuid not null references commitments (id) on delete cascade,
  focal_point_id uuid not null references focal_points (id) on delete cascade,
  primary key (commitment_id, focal_point_id)
);
create index commitment_focal_points_fp_idx on commitment_focal_points (focal_point_id);

alter table commitments
  add column lead_side char(2),
  add column weight numeric check (weight is null or weight > 0),
  add column awaiting_confirmation boolean not null default false,
  add column confirmed_at timestamptz,
  add column confirmed_by text,
  add constraint commitments_lead_side_fk foreign key (commission_id, lead_side)
    references commission_sides (commission_id, country_code);

-- What each side last reported; the commitment's own status is what the secretariat confirmed.
create table commitment_side_reports (
  commitment_id uuid not null references commitments (id) on delete cascade,
  commission_id uuid not null,
  side char(2) not null,
  status text not null check (status in ('not_started', 'in_progress', 'done', 'dropped')),
  progress smallint not null check (progress between 0 and 100),
  updated_at timestamptz not null default now(),
  primary key (commitment_id, side),
  foreign key (commission_id, side) references commission_sides (commission_id, country_code),
  check (status <> 'done' or progress = 100)
);

-- A status update is a side's report, the secretariat's own update, or its confirmation of the sides' reports.
alter table status_updates
  add column kind text not null default 'update' check (kind in ('update', 'side_report', 'confirmation'));

create table status_update_files (
  id uuid primary key default gen_random_uuid(),
  status_update_id uuid not null references status_updates (id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null,
  size_bytes int not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null
);
create index status_update_files_update_idx on status_update_files (status_update_id);

create table commitment_comments (
  id uuid primary key default gen_random_uuid(),
  commitment_id uuid not null references commitments (id) on delete cascade,
  author_name text not null check (length(author_name) between 1 and 200),
  text text not null check (length(text) between 1 and 5000),
  created_at timestamptz not null default now()
);
create index commitment_comments_commitment_idx on commitment_comments (commitment_id, created_at);

create table commitment_watchers (
  commitment_id uuid not null references commitments (id) on delete cascade,
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
  name text check (name is null or length(name) <= 200),
  primary key (commitment_id, email)
);

-- Every message to a person: e-mailed when SMTP is set up, and always kept for the in-app inbox.
-- `dedupe_key` makes planning idempotent: a reminder is planned once however often the planner runs.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('reminder_before', 'reminder_due', 'digest', 'status_change')),
  recipient_email text not null,
  recipient_name text,
  focal_point_id uuid references focal_points (id) on delete set null,
  commitment_id uuid references commitments (id) on delete cascade,
  subject text not null,
  body text not null,
  link text,
  dedupe_key text not null unique,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  send_error text,
  read_at timestamptz
);
create index notifications_recipient_idx on notifications (lower(recipient_email), created_at desc);
create index notifications_unsent_idx on notifications (created_at) where sent_at is null;

-- Dashboards and roll-ups read these the most.
create index commitments_status_idx on commitments (commission_id, status, due_date);
create index commitments_sector_idx on commitments (sector_code, status);
