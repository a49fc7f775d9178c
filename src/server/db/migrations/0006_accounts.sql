-- Accounts: who may sign in, what each person may do (role grants with a scope), their sign-in sessions, API
-- tokens and password-reset links. Secrets are never stored: sessions, tokens and reset links keep only the SHA-256
-- of the random value the person holds; passwords keep only an argon2id hash.
create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and email like '%_@_%'),
  display_name text not null check (length(display_name) between 1 and 200),
  password_hash text,
  -- A password handed out by someone else (first start, created by an administrator) is changed at first sign-in.
  password_must_change boolean not null default true,
  is_administrator boolean not null default false,
  disabled_at timestamptz,
  failed_sign_ins int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_idx on users (email);

-- A role in one commission (commission_id null: in every commission of the portfolio). A focal point acts for one
-- organisation; a secretariat or co-chair's office may belong to one side of the commission.
create table role_grants (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('observer', 'focal_point', 'co_chair_office', 'secretariat')),
  commission_id uuid references commissions (id) on delete cascade,
  organization_id uuid references organizations (id) on delete cascade,
  side char(2) references countries (code),
  created_at timestamptz not null default now(),
  check ((role = 'focal_point') = (organization_id is not null))
);
create index role_grants_user_idx on role_grants (user_id);

create table user_sessions (
  token_hash char(64) primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text
);
create index user_sessions_user_idx on user_sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  token_hash char(64) not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  -- read: GET only; write: everything the owner may do.
  access text not null check (access in ('read', 'write')),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table password_resets (
  token_hash char(64) primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Failed sign-ins per client address, for rate limiting across every instance of the server.
create table sign_in_failures (
  id bigint generated always as identity primary key,
  client text not null,
  occurred_at timestamptz not null default now()
);
create index sign_in_failures_client_idx on sign_in_failures (client, occurred_at);

-- The account behind each audit event (the actor name stays, as it was at the time).
alter table audit_events add column actor_user_id uuid references users (id) on delete set null;
