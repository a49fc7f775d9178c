-- Calendar subscriptions: a secret URL per commission or organisation that calendar apps poll without logging in.
-- Only the SHA-256 of the token is kept, so the table cannot give a feed away; revoking keeps the row for the record.
create table calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  token_hash char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  commission_id uuid references commissions (id) on delete cascade,
  organization_id uuid references organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((commission_id is null) <> (organization_id is null))
);
create index calendar_feeds_commission_idx on calendar_feeds (commission_id) where commission_id is not null;
create index calendar_feeds_organization_idx on calendar_feeds (organization_id) where organization_id is not null;
