-- Delivery retries. A message that could not be sent is tried again later, each time after a longer wait, and
-- given up after a few attempts or at once when the server refused it for good (send_error keeps the reason).
-- next_attempt_at is when delivery may next pick the message; null once it was sent or given up.
alter table notifications
  add column send_attempts smallint not null default 0 check (send_attempts >= 0),
  add column next_attempt_at timestamptz default now();

drop index notifications_unsent_idx;
create index notifications_delivery_idx on notifications (next_attempt_at) where sent_at is null and next_attempt_at is not null;
