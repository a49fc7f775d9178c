import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTTP_TIMEOUTS } from "../src/server/main.ts";
import { createServerDatabase, prepareDatabase, type ServerDatabase, withOpenDatabase } from "./databases.ts";
import { someCommitments } from "./ledger-checks.ts";
import { trickleHeaders, twoRequestsOneSocket, upload } from "./raw-clients.ts";
import { residentBytes, type ServerProcess, startServerProcess } from "./server-process.ts";

// Clients that hold a server's sockets or memory: one trickling its headers, one uploading far beyond the limit.
const MiB = 1024 * 1024;
/** Node checks the timeouts once per interval, so a cut-off may come up to one interval late; plus scheduling. */
const CUTOFF_SLACK_MS = HTTP_TIMEOUTS.connectionsCheckingInterval + 1_500;
const HUGE_UPLOAD_BYTES = 200 * MiB;
/** The evidence route's limit: five files of 10 MB and 1 MiB of framing (the rest of the API takes 1 MiB). */
const EVIDENCE_LIMIT_BYTES = 51 * MiB;
/** An upload refused by its announced size, or for not announcing one, leaves the memory as it was but for buffers. */
const ANNOUNCED_UPLOAD_GROWTH_BYTES = 32 * MiB;

let database: ServerDatabase;
let server: ServerProcess;
let token: string;
let evidenceUrl: string;

beforeAll(async () => {
  database = await createServerDatabase();
  const prepared = await withOpenDatabase({ databaseUrl: database.url }, async ({ db }) => ({
    token: await prepareDatabase(db),
    commitmentId: (await someCommitments(db, 1))[0],
  }));
  token = prepared.token;
  server = await startServerProcess({ DATABASE_URL: database.url });
  evidenceUrl = `${server.url}/api/commitments/${prepared.commitmentId}/updates/with-evidence`;
});
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe.concurrent("slow clients", () => {
  it("cuts off a client that trickles its headers once the header time is up", async () => {
    const cutoff = await trickleHeaders(server.url, 500, HTTP_TIMEOUTS.headersTimeout + 10_000);
    expect(cutoff.afterMs).toBeGreaterThanOrEqual(HTTP_TIMEOUTS.headersTimeout - 100);
    expect(cutoff.afterMs).toBeLessThan(HTTP_TIMEOUTS.headersTimeout + CUTOFF_SLACK_MS);
    expect(cutoff.answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("keeps an idle keep-alive connection open for longer than the header time", async () => {
    const idle = HTTP_TIMEOUTS.headersTimeout + CUTOFF_SLACK_MS;
    expect(await twoRequestsOneSocket(`${server.url}/api/health`, idle)).toEqual({
      statuses: [200, 200],
      reused: true,
    });
  });
});

/** Uploads 200 MB to the evidence route and samples the server's resident memory until the answer. */
async function uploadAndWatchMemory(announceLength: boolean) {
  const before = residentBytes(server.pid);
  let peak = before;
  const sampling = setInterval(() => {
    peak = Math.max(peak, residentBytes(server.pid));
  }, 20);
  try {
    const answer = await upload({
      url: evidenceUrl,
      token,
      contentType: "multipart/form-data; boundary=soak",
      totalBytes: HUGE_UPLOAD_BYTES,
      announceLength,
    });
    // Sampling goes on a little after the answer: the server may still be handling what it has read.
    await sleep(200);
    const sent = Math.round(answer.sentBytes / MiB);
    console.info(
      `Upload ${announceLength ? "announced" : "chunked"}: ${answer.status} after ${sent} MiB sent; ` +
        `server RSS ${Math.round(before / MiB)} → peak ${Math.round(peak / MiB)} MiB`,
    );
    return { ...answer, growth: peak - before };
  } finally {
    clearInterval(sampling);
  }
}

describe("huge uploads", () => {
  it("refuses a 200 MB upload announced in Content-Length at once, before reading it", async () => {
    const answer = await uploadAndWatchMemory(true);
    expect(answer.status, answer.body).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
    expect(answer.sentBytes).toBeLessThan(EVIDENCE_LIMIT_BYTES);
    expect(answer.growth).toBeLessThan(ANNOUNCED_UPLOAD_GROWTH_BYTES);
  });

  it("refuses a chunked 200 MB upload with 411 before reading it: large uploads must state their length", async () => {
    const answer = await uploadAndWatchMemory(false);
    expect(answer.status, answer.body).toBe(411);
    expect(JSON.parse(answer.body).error.code).toBe("length_required");
    expect(answer.sentBytes).toBeLessThan(EVIDENCE_LIMIT_BYTES);
    expect(answer.growth).toBeLessThan(ANNOUNCED_UPLOAD_GROWTH_BYTES);
  });
});
