import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "../src/server/db/client.ts";
import { createServerDatabase, prepareDatabase, withOpenDatabase } from "./databases.ts";
import {
  countStatusUpdates,
  existingStatusUpdates,
  pairStatusUpdatesWithAudit,
  someCommitments,
  versionsOf,
} from "./ledger-checks.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

// `kill -9` of a server in the middle of a stream of writes, then a restart on the same data: it must open
// cleanly, keep every write it acknowledged, and hold no half-written one.
const MARKER = "crash-";
const WRITERS = 4;
/** Acknowledged writes before the kill: enough that the kill lands in a steady stream. */
const ACKNOWLEDGED_BEFORE_KILL = 60;

type Engine = { target: DatabaseTarget; env: Record<string, string>; cleanUp: () => Promise<void> };

async function pgliteEngine(): Promise<Engine> {
  const dataDir = mkdtempSync(join(tmpdir(), "igc-soak-crash-"));
  return {
    target: { dataDir },
    env: { IGC_DATA_DIR: dataDir },
    cleanUp: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresEngine(): Promise<Engine> {
  const database = await createServerDatabase();
  return {
    target: { databaseUrl: database.url },
    env: { DATABASE_URL: database.url },
    cleanUp: database.drop,
  };
}

type Stream = { acknowledged: Map<string, string>; answeredOtherwise: string[]; unanswered: number };
type Writing = { stream: Stream; stop: () => void; done: Promise<void> };

/**
 * Writers POST status updates in a loop until stopped; each 201's update id is kept by request id. Requests cut
 * off by the kill are counted as unanswered: they may or may not have been committed.
 */
function startWriting(server: ServerProcess, token: string, commitments: string[]): Writing {
  const stream: Stream = { acknowledged: new Map(), answeredOtherwise: [], unanswered: 0 };
  let stopped = false;
  let sent = 0;
  const writer = async () => {
    while (!stopped) {
      const n = sent++;
      const requestId = `${MARKER}${n}`;
      try {
        const response = await fetch(`${server.url}/api/commitments/${commitments[n % commitments.length]}/updates`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-request-id": requestId },
          body: JSON.stringify({ text: `${MARKER}note ${requestId}` }),
        });
        const body = await response.text();
        if (response.status === 201) {
          stream.acknowledged.set(requestId, (JSON.parse(body) as { update: { id: string } }).update.id);
        } else stream.answeredOtherwise.push(`${response.status}: ${body.slice(0, 200)}`);
      } catch {
        stream.unanswered += 1;
      }
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, writer)).then(() => {});
  const stop = () => {
    stopped = true;
  };
  return { stream, stop, done };
}

function whenAcknowledged(stream: Stream, count: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (stream.acknowledged.size < count) return;
      clearInterval(poll);
      resolve();
    }, 5);
  });
}

const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

describe.each([
  { name: "PGlite", open: pgliteEngine },
  { name: "PostgreSQL", open: postgresEngine },
])("a server on $name killed mid-stream", ({ name, open }) => {
  it("restarts cleanly with every acknowledged write and none half-written", async () => {
    const engine = await open();
    cleanUps.push(engine.cleanUp);
    const { token, commitments, before } = await withOpenDatabase(engine.target, async ({ db }) => {
      const token = await prepareDatabase(db);
      const commitments = await someCommitments(db, 4);
      return { token, commitments, before: await versionsOf(db, commitments) };
    });

    const server = await startServerProcess(engine.env);
    cleanUps.push(server.stop);
    const writing = startWriting(server, token, commitments);
    await whenAcknowledged(writing.stream, ACKNOWLEDGED_BEFORE_KILL);
    // No new requests after this; those in flight are cut by the kill, sent in the same tick.
    writing.stop();
    await server.kill();
    await writing.done;
    const { stream } = writing;
    expect(stream.answeredOtherwise).toEqual([]);
    expect(stream.unanswered, "the kill cut requests in flight").toBeGreaterThan(0);

    const restarted = await startServerProcess(engine.env);
    cleanUps.push(restarted.stop);
    const health = await fetch(`${restarted.url}/api/health`);
    expect(health.status, restarted.output()).toBe(200);
    expect(restarted.output()).not.toContain("Applied migrations");
    await restarted.stop();

    await withOpenDatabase(engine.target, async ({ db }) => {
      const acknowledged = [...stream.acknowledged.values()];
      expect((await existingStatusUpdates(db, acknowledged)).size).toBe(acknowledged.length);
      expect(await pairStatusUpdatesWithAudit(db, MARKER)).toEqual({
        updatesWithoutOneAuditEvent: [],
        auditEventsWithoutUpdate: [],
      });
      // Every stored update moved its commitment's version once: no update without its version, nor the reverse.
      const stored = await countStatusUpdates(db, MARKER);
      const after = await versionsOf(db, commitments);
      const versionsGained = commitments.reduce((sum, id) => sum + (after.get(id) ?? 0) - (before.get(id) ?? 0), 0);
      expect(versionsGained).toBe(stored);
      console.info(
        `${name}: killed after ${acknowledged.length} acknowledged writes (${stream.unanswered} cut off); ` +
          `${stored} stored after the restart`,
      );
    });
  });
});
