-- The public view: what a commission chooses to show to observers and the public, without signing in.
-- No row, or `published = false`, means nothing of the commission is public; each part (sessions, agreements,
-- their progress) is switched on separately, so a commission can show its sessions before its agreements.
-- Defaults are off: nothing becomes public by accident.
create table commission_publication (
  commission_id uuid primary key references commissions (id) on delete cascade,
  published boolean not null default false,
  publish_sessions boolean not null default false,
  publish_commitments boolean not null default false,
  publish_progress boolean not null default false,
  version int not null default 1 check (version > 0),
  updated_at timestamptz not null default now()
);

-- Agreements the secretariat keeps out of the public view (a sensitive item of a published protocol). Kept apart
-- from `commitments` so that the commitment's own record and its version are untouched by publishing decisions.
create table commitments_withheld_from_public (
  commitment_id uuid primary key references commitments (id) on delete cascade,
  withheld_at timestamptz not null default now(),
  withheld_by text not null check (length(withheld_by) between 1 and 200)
);
