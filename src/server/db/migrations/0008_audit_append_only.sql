-- The audit log is append-only: no UPDATE or DELETE of audit_events succeeds, whoever sends it — the
-- application's own connection included, so neither a bug nor a crafted request can rewrite history.
--
-- TRUNCATE is deliberately left possible (a statement-level operation these row triggers do not see): restoring a
-- backup empties the table and loads it again, and only the database owner can do that, outside the application.
--
-- One UPDATE is let through: when an account is deleted, the foreign key of audit_events.actor_user_id (0006)
-- sets it to null. That changes nothing the event says (the actor's name stays); every other column must be
-- unchanged. The column is read through to_jsonb so that this function does not depend on it existing.
create function audit_events_refuse_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
    and to_jsonb(new) ->> 'actor_user_id' is null
    and to_jsonb(new) - 'actor_user_id' = to_jsonb(old) - 'actor_user_id' then
    return new;
  end if;
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege',
          hint = 'Audit events are written once, with the change they record, and never edited or deleted.';
end;
$$;

create trigger audit_events_append_only
  before update or delete on audit_events
  for each row execute function audit_events_refuse_change();

-- The browse page: newest first (the keyset is occurred_at, id), by actor, and by entity type and action.
-- The actor filter is a case-insensitive "contains", which no b-tree serves; it filters while walking the
-- newest-first index. The actor index serves exact look-ups (everything one person did).
create index audit_events_occurred_idx on audit_events (occurred_at desc, id desc);
create index audit_events_actor_idx on audit_events (actor, occurred_at desc, id desc);
create index audit_events_type_action_idx on audit_events (entity_type, action, occurred_at desc, id desc);
