import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { isOpen } from "../monitoring/commitment-tally.ts";

export type SessionRow = { id: string; commission_id: string; number: number; starts_on: string | null };

const sessionColumns = ["id", "commission_id", "number", "starts_on"] as const;

export function findSession(db: Kysely<DB>, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").select(sessionColumns).where("id", "=", id).executeTakeFirst();
}

/** Locks the session for the transaction, so that carry-overs into it queue and number their items in turn. */
export function lockSession(trx: Kysely<DB>, id: string): Promise<SessionRow | undefined> {
  return trx.selectFrom("sessions").select(sessionColumns).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The session held before this one in the same commission. */
export function findPreviousSession(db: Kysely<DB>, session: SessionRow): Promise<SessionRow | undefined> {
  return db
    .selectFrom("sessions")
    .select(sessionColumns)
    .where("commission_id", "=", session.commission_id)
    .where("number", "<", session.number)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * The continuations of a commitment `c` in sessions up to `session`. A chain is continued from its newest link, so
 * an item continued at an earlier session is not proposed again either.
 */
function continuationsUpTo(session: SessionRow): RawBuilder<unknown> {
  return sql`from commitments d join sessions ds on ds.id = d.session_id
    where d.carried_over_from_id = c.id and ds.number <= ${session.number}::int`;
}

function candidates(db: Kysely<DB>, session: SessionRow) {
  return db
    .selectFrom("commitments as c")
    .innerJoin("sessions as s", "s.id", "c.session_id")
    .select([
      "c.id",
      "c.commission_id",
      "c.session_id",
      "s.number as session_number",
      "c.position",
      "c.item_number",
      "c.sector_code",
      "c.text",
      "c.status",
      "c.progress",
      "c.deadline",
      "c.due_date",
      "c.version",
      sql<number | null>`(select min(ds.number) ${continuationsUpTo(session)})`.as("continued_at"),
    ]);
}
export type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidates>["execute"]>>[number];

/** SQL only: the open commitments of the commission's earlier sessions that nothing up to `session` continues. */
export function listProposals(db: Kysely<DB>, session: SessionRow): Promise<CandidateRow[]> {
  return candidates(db, session)
    .where("c.commission_id", "=", session.commission_id)
    .where("s.commission_id", "=", session.commission_id)
    .where("s.number", "<", session.number)
    .where(isOpen)
    .where(sql<boolean>`not exists (select 1 ${continuationsUpTo(session)})`)
    .orderBy("s.number")
    .orderBy("c.position")
    .orderBy("c.id")
    .execute();
}

/** Locks the commitments a decision names, in id order so that two decisions cannot deadlock. */
export function lockCandidates(trx: Kysely<DB>, session: SessionRow, ids: readonly string[]): Promise<CandidateRow[]> {
  return candidates(trx, session).where("c.id", "in", ids).orderBy("c.id").forUpdate("c").execute();
}

/**
 * Makes each original a new commitment of `session`: same sector, text, links and weight, no deadline, not
 * started, linked to the original; numbered after the session's items in the order of the originals.
 */
export async function insertContinuations(
  trx: Kysely<DB>,
  session: SessionRow,
  originalIds: readonly string[],
): Promise<{ id: string; carried_over_from_id: string }[]> {
  if (originalIds.length === 0) return [];
  const result = await sql<{ id: string; carried_over_from_id: string }>`
    with originals as (
      select o.*, row_number() over (order by s.number, o.position, o.id) as rank
      from commitments o join sessions s on s.id = o.session_id
      where o.id = any(${originalIds}::uuid[])
    ),
    next as (select coalesce(max(position) + 1, 0) as position from commitments where session_id = ${session.id})
    insert into commitments (commission_id, session_id, position, sector_code, text, status, progress, programme_id,
      measure_id, project_id, joint_body_id, lead_side, weight, carried_over_from_id)
    select o.commission_id, ${session.id}, next.position + o.rank - 1, o.sector_code, o.text, 'not_started', 0,
      o.programme_id, o.measure_id, o.project_id, o.joint_body_id, o.lead_side, o.weight, o.id
    from originals o cross join next
    order by o.rank
    returning id, carried_over_from_id`.execute(trx);
  return result.rows;
}

/** The continuations keep the originals' responsible organisations (with sides and lead) and focal points. */
export async function copyAssignments(trx: Kysely<DB>, continuationIds: readonly string[]): Promise<void> {
  if (continuationIds.length === 0) return;
  await sql`
    insert into commitment_responsibles (commitment_id, organization_id, commission_id, side, lead)
    select n.id, r.organization_id, r.commission_id, r.side, r.lead
    from commitments n join commitment_responsibles r on r.commitment_id = n.carried_over_from_id
    where n.id = any(${continuationIds}::uuid[])`.execute(trx);
  await sql`
    insert into commitment_focal_points (commitment_id, focal_point_id)
    select n.id, f.focal_point_id
    from commitments n join commitment_focal_points f on f.commitment_id = n.carried_over_from_id
    where n.id = any(${continuationIds}::uuid[])`.execute(trx);
}

/** Marks a commitment dropped for a reason and records the change in its history; returns the update's id. */
export async function dropCommitment(
  trx: Kysely<DB>,
  current: CandidateRow,
  change: { progress: number; reason: string; authorName: string },
): Promise<string> {
  await trx
    .updateTable("commitments")
    .set({
      status: "dropped",
      progress: change.progress,
      dropped_reason: change.reason,
      version: current.version + 1,
      updated_at: sql<string>`now()`,
    })
    .where("id", "=", current.id)
    .execute();
  const update = await trx
    .insertInto("status_updates")
    .values({
      commitment_id: current.id,
      side: null,
      author_name: change.authorName,
      previous_status: current.status,
      status: "dropped",
      previous_progress: current.progress,
      progress: change.progress,
      text: change.reason,
      kind: "update",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return update.id;
}
