import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/server/db/client.ts";
import { insertNewNotifications } from "../src/server/features/notifications/notifications.repo.ts";
import { startSmtpPeer } from "../src/server/features/notifications/test-smtp-peer.ts";
import { administratorToken, createServerDatabase, type ServerDatabase } from "./databases.ts";
import {
  auditEventsByRequest,
  countStatusUpdates,
  editedFromVersions,
  existingStatusUpdates,
  pairStatusUpdatesWithAudit,
  someCommitments,
  versionsOf,
} from "./ledger-checks.ts";
import { runIgc, type ServerProcess, startServerProcess } from "./server-process.ts";
import { emptyLedger, type Ledger, runWriteLoad } from "./write-load.ts";

// Two `igc serve` processes on one PostgreSQL database, written to through both at once: what both acknowledged
// must be in the database exactly once, with its audit event, and no edit may overwrite another unseen.
const MARKER = "soak-";
const REQUESTS_PER_SERVER = 300;
const CONNECTIONS_PER_SERVER = 5;
/** Messages waiting for delivery when two deliveries start at once: several batches of 20 each. */
const QUEUED_MESSAGES = 100;

let database: ServerDatabase;
let servers: ServerProcess[] = [];
let open: Database;
let token: string;

beforeAll(async () => {
  database = await createServerDatabase();
  // Both start at once on the empty database: the migrations' advisory lock makes one wait for the other.
  servers = await Promise.all([
    startServerProcess({ DATABASE_URL: database.url, IGC_DEMO: "auto" }),
    startServerProcess({ DATABASE_URL: database.url }),
  ]);
  open = await openDatabase({ databaseUrl: database.url });
  token = await administratorToken(open.db);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await open?.close();
  await database?.drop();
});

describe("several instances on one PostgreSQL database", () => {
  it("both start together and migrate the database once", async () => {
    for (const server of servers) {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status, server.output()).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", engine: "postgres" });
    }
    const migrations = await sql<{ applied: number; distinct: number }>`
      select count(*)::int as applied, count(distinct version)::int as distinct from schema_migrations`.execute(
      open.db,
    );
    expect(migrations.rows[0]?.applied).toBeGreaterThan(0);
    expect(migrations.rows[0]?.applied).toBe(migrations.rows[0]?.distinct);
  });

  it("keeps every acknowledged write exactly once, with its audit event, and loses no edit", async () => {
    const commitments = await someCommitments(open.db, 9);
    const reportedOn = commitments.slice(0, 6);
    const edited = commitments.slice(6);
    const before = await versionsOf(open.db, commitments);
    const ledger = emptyLedger(new Map(edited.map((id) => [id, before.get(id) ?? 0])));

    const started = performance.now();
    const results = await Promise.all(
      servers.map((server, i) =>
        runWriteLoad(
          {
            url: server.url,
            token,
            requestIdPrefix: `${MARKER}${i}-`,
            reportedOn,
            edited,
            connections: CONNECTIONS_PER_SERVER,
            amount: REQUESTS_PER_SERVER,
          },
          ledger,
        ),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(describeLoad(ledger, seconds));

    expect(ledger.unexpected).toEqual([]);
    for (const result of results) expect(result.errors + result.timeouts).toBe(0);
    for (const prefix of [`${MARKER}0-`, `${MARKER}1-`]) {
      expect(
        [...ledger.edits.keys()].some((id) => id.startsWith(prefix)),
        `edits through ${prefix}`,
      ).toBe(true);
    }
    expect(ledger.conflicts.size, "edits collided, so the optimistic check was at work").toBeGreaterThan(0);

    await expectEveryStatusUpdateStoredOnce(ledger);
    await expectOneAuditEventPerAcknowledgedWrite(ledger);
    await expectNoLostEdit(ledger, edited, before);
    const after = await versionsOf(open.db, reportedOn);
    for (const id of reportedOn) {
      const acknowledged = [...ledger.statusUpdates.values()].filter((u) => u.commitmentId === id).length;
      expect(after.get(id), `version of ${id}`).toBe((before.get(id) ?? 0) + acknowledged);
    }
  });

  it("e-mails each message once when two instances deliver at the same time", async () => {
    await insertNewNotifications(
      open.db,
      Array.from({ length: QUEUED_MESSAGES }, (_, i) => ({
        kind: "status_change" as const,
        recipient_email: `watcher${i}@example.org`,
        subject: `Soak message ${i}`,
        body: "A change to a commitment you follow.",
        dedupe_key: `soak:${i}`,
      })),
    );
    const smtp = await startSmtpPeer();
    try {
      // `igc remind` runs the scheduler's pass (plan, then deliver) once: two at once race as two instances do.
      const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url };
      const runs = await Promise.all([0, 1].map(() => runIgc(["remind", "--digest"], env)));
      for (const run of runs) expect(run.code, run.output).toBe(0);
      const sent = await open.db.selectFrom("notifications").select("id").where("sent_at", "is not", null).execute();
      const received = smtp.received.map((m) => m.notificationId);
      const shares = runs.map((run) => /E-mailed (\d+)/.exec(run.output)?.[1] ?? "none").join(" + ");
      console.info(`Two deliveries at once: ${received.length} e-mails (${shares}) for ${sent.length} messages sent`);
      expect(received.length).toBeGreaterThanOrEqual(QUEUED_MESSAGES);
      expect(received.toSorted()).toEqual(sent.map((n) => n.id).toSorted());
    } finally {
      await smtp.close();
    }
  });
});

async function expectEveryStatusUpdateStoredOnce(ledger: Ledger): Promise<void> {
  const acknowledged = [...ledger.statusUpdates.values()].map((u) => u.updateId);
  expect(new Set(acknowledged).size).toBe(acknowledged.length);
  expect((await existingStatusUpdates(open.db, acknowledged)).size).toBe(acknowledged.length);
  expect(await countStatusUpdates(open.db, MARKER)).toBe(acknowledged.length);
  expect(await pairStatusUpdatesWithAudit(open.db, MARKER)).toEqual({
    updatesWithoutOneAuditEvent: [],
    auditEventsWithoutUpdate: [],
  });
}

async function expectOneAuditEventPerAcknowledgedWrite(ledger: Ledger): Promise<void> {
  const events = await auditEventsByRequest(open.db, MARKER);
  const acknowledged = [...ledger.statusUpdates.keys(), ...ledger.edits.keys()];
  expect(acknowledged.filter((id) => events.get(id) !== 1)).toEqual([]);
  expect(
    [...ledger.conflicts].filter((id) => events.has(id)),
    "409s left nothing",
  ).toEqual([]);
  expect(events.size).toBe(acknowledged.length);
}

/**
 * Each acknowledged edit started from its own version, one after another: no two edits applied to the same
 * version, which is how one would silently overwrite the other. (The version an answer shows can be later than
 * the edit's own: the answer is read after the commit, and another edit may have come in between.)
 */
async function expectNoLostEdit(ledger: Ledger, edited: string[], before: Map<string, number>): Promise<void> {
  const after = await versionsOf(open.db, edited);
  const startedFrom = await editedFromVersions(open.db, MARKER);
  for (const id of edited) {
    const first = before.get(id) ?? 0;
    const acknowledged = [...ledger.edits.values()].filter((e) => e.commitmentId === id).length;
    expect(after.get(id), `version of ${id}`).toBe(first + acknowledged);
    expect(startedFrom.get(id), `versions edited of ${id}`).toEqual(
      Array.from({ length: acknowledged }, (_, i) => first + i),
    );
  }
}

function describeLoad(ledger: Ledger, seconds: number): string {
  const writes = ledger.statusUpdates.size + ledger.edits.size + ledger.conflicts.size;
  return (
    `Two instances: ${writes} writes in ${seconds.toFixed(1)} s (${Math.round(writes / seconds)}/s): ` +
    `${ledger.statusUpdates.size} status updates 201, ${ledger.edits.size} edits 200, ` +
    `${ledger.conflicts.size} stale edits 409`
  );
}
