import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { makeCommission, makeCommitment, makeOrganization, makeSession } from "./factories.ts";

const json = (value: unknown) => JSON.stringify(value);

/**
 * One commission with a record of every kind an API path can name (session, commitment with its responsible
 * organisation, programme, joint body, project, document, evidence file, calendar feed), for tests of who may reach
 * what. `ids` is keyed by the first segment of the API path.
 */
export async function makeCommissionWorld(db: Kysely<DB>) {
  const commission = await makeCommission(db);
  const session = await makeSession(db, commission.id);
  const organization = await makeOrganization(db, { country: "AZ" });
  const commitment = await makeCommitment(db, session.id, {
    responsible: [{ organizationId: organization.id, side: "AZ", lead: true }],
  });
  const insertId = <T extends { id: string }>(query: { executeTakeFirstOrThrow: () => Promise<T> }) =>
    query.executeTakeFirstOrThrow().then((row) => row.id);
  const programme = await insertId(
    db
      .insertInto("programmes")
      .values({
        commission_id: commission.id,
        kind: "programme",
        title: json({ en: "Programme" }),
        start_year: 2024,
        end_year: 2029,
      })
      .returning("id"),
  );
  const jointBody = await insertId(
    db
      .insertInto("joint_bodies")
      .values({ commission_id: commission.id, kind: "fund", name: json({ en: "Fund" }) })
      .returning("id"),
  );
  const project = await insertId(
    db
      .insertInto("projects")
      .values({ commission_id: commission.id, name: json({ en: "Project" }) })
      .returning("id"),
  );
  const document = await insertId(
    db
      .insertInto("documents")
      .values({
        commission_id: commission.id,
        session_id: session.id,
        kind: "protocol",
        title: json({ en: "Protocol" }),
      })
      .returning("id"),
  );
  const update = await insertId(
    db
      .insertInto("status_updates")
      .values({
        commitment_id: commitment.id,
        author_name: "Focal point",
        previous_status: "not_started",
        status: "in_progress",
        previous_progress: 0,
        progress: 10,
        text: "Started",
      })
      .returning("id"),
  );
  const evidence = await insertId(
    db
      .insertInto("status_update_files")
      .values({
        status_update_id: update,
        file_name: "note.txt",
        media_type: "text/plain",
        size_bytes: 2,
        sha256: "0".repeat(64),
        content: Buffer.from("ok"),
      })
      .returning("id"),
  );
  const feed = await insertId(
    db
      .insertInto("calendar_feeds")
      .values({ token_hash: randomBytes(32).toString("hex"), commission_id: commission.id })
      .returning("id"),
  );
  return {
    commissionId: commission.id,
    sessionId: session.id,
    organizationId: organization.id,
    ids: {
      commissions: commission.id,
      sessions: session.id,
      commitments: commitment.id,
      organizations: organization.id,
      programmes: programme,
      "joint-bodies": jointBody,
      projects: project,
      documents: document,
      "status-update-files": evidence,
      "calendar-feeds": feed,
    } as Record<string, string>,
  };
}
export type CommissionWorld = Awaited<ReturnType<typeof makeCommissionWorld>>;
