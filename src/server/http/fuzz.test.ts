// Every operation of the OpenAPI document, sent random and malformed requests (fast-check) over a database with a
// whole demo commission in it. Whatever comes in, the API answers within a bound, never with a 5xx, every 4xx in the
// one error shape, and a refused request writes nothing. Reproduce a failure with IGC_FUZZ_SEED=<seed from the message>
// (the same seed replays the same requests in the same order, so the database goes through the same states).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { documentMetadataSchema } from "../../shared/api/documents.ts";
import { SYSTEM_ACTOR } from "../features/audit.ts";
import { azKgCommission } from "../features/demo/az-kg.ts";
import { loadDemoCommission } from "../features/demo/demo.service.ts";
import { makeCommissionWorld } from "../testing/commission-world.ts";
import { changedTables, type Fingerprint, fingerprinter, idsByTable } from "../testing/fuzz-database.ts";
import {
  describeRequest,
  type FuzzRequest,
  type FuzzTarget,
  type Operation,
  operationsOf,
  requestsFor,
  shorten,
} from "../testing/fuzz-requests.ts";
import type { JsonSchema } from "../testing/fuzz-schema.ts";
import { createTestApp } from "../testing/test-app.ts";
import { openTestDatabase } from "../testing/test-database.ts";

const SEED = Number(process.env.IGC_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/**
 * Requests per operation: as an administrator (past the authorisation gate, into validation and the services)…
 * IGC_FUZZ_RUNS asks for more, for a longer hunt by hand.
 */
const RUNS_AS_ADMINISTRATOR = Number(process.env.IGC_FUZZ_RUNS ?? 14);
/** …and as nobody (only the gate should answer). */
const RUNS_AS_NOBODY = 4;
/** Documents, spreadsheets and backups are slow to make; fewer of them keep the file within its time budget. */
const SLOW_OPERATION = /\.(pdf|docx|xlsx)$|^\/backup$|^\/imports\/extract$/;
const ANSWER_WITHIN_MS = 10_000;

/** Writes that are the point of a refusal: a failed sign-in is counted, for the rate limit and the lock-out. */
const WRITES_ON_REFUSAL: Record<string, string[]> = { "POST /auth/sign-in": ["sign_in_failures", "users"] };

/** The table of the record a path parameter names: the path segment before it. */
const TABLE_OF_SEGMENT: Record<string, string> = {
  commissions: "commissions",
  sessions: "sessions",
  commitments: "commitments",
  organizations: "organizations",
  people: "people",
  programmes: "programmes",
  "joint-bodies": "joint_bodies",
  projects: "projects",
  documents: "documents",
  "status-update-files": "status_update_files",
  "calendar-feeds": "calendar_feeds",
  users: "users",
  tokens: "api_tokens",
  "focal-points": "focal_points",
  notifications: "notifications",
  events: "session_events",
  delegation: "delegation_members",
};

/** The table of the record a body or query field names. */
const TABLE_OF_FIELD: Record<string, string> = {
  commissionId: "commissions",
  sessionId: "sessions",
  organizationId: "organizations",
  duplicateId: "organizations",
  personId: "people",
  positionId: "positions",
  programmeId: "programmes",
  measureId: "programme_measures",
  projectId: "projects",
  jointBodyId: "joint_bodies",
  focalPointId: "focal_points",
  focalPointIds: "focal_points",
  commitmentId: "commitments",
  carriedOverFromId: "commitments",
  parentId: "session_events",
  userId: "users",
};

const database = await openTestDatabase();
const asAdministrator = createTestApp(database);
const asNobody = createTestApp(database, undefined, { as: "nobody" });
const openApi = await (await asNobody.request("/api/openapi.json")).json();
const operations: Operation[] = operationsOf(openApi);
let target: FuzzTarget;
let fingerprint: () => Promise<Fingerprint>;

beforeAll(async () => {
  const demoId = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
  await makeCommissionWorld(database.db);
  // The first request creates the test administrator and records its token's first use: both before any fingerprint.
  const me = await (await asAdministrator.request("/api/auth/me")).json();
  const feed = await (
    await asAdministrator.request(`/api/commissions/${demoId}/calendar-feeds`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    })
  ).json();
  // The fuzzer must not revoke or demote the account it acts as, or every later request would be a 401.
  const ownTokens = await database.db.selectFrom("api_tokens").select("id").where("user_id", "=", me.user.id).execute();
  const ids = await idsByTable(database.db, new Set([me.user.id, ...ownTokens.map((t) => t.id)]));
  const allIds = [...ids.values()].flat();
  const idsOf = (table: string | undefined) => (table && ids.get(table)) || allIds;
  const calendarFile = new URL(feed.url).pathname.split("/").at(-1) as string;
  target = {
    schemas: {
      resolve: (ref) => openApi.components.schemas[ref.replace("#/components/schemas/", "")] as JsonSchema,
      idsFor: (field) => idsOf(field === undefined ? undefined : TABLE_OF_FIELD[field]),
    },
    idsForPathParameter: (path, name) => {
      if (name === "file") return [calendarFile];
      const segments = path.split("/");
      return idsOf(TABLE_OF_SEGMENT[segments[segments.indexOf(`{${name}}`) - 1] ?? ""]);
    },
    jsonTextSchemas: {
      DocumentMetadata: z.toJSONSchema(documentMetadataSchema, { io: "input", metadata: z.registry() }) as JsonSchema,
    },
  };
  fingerprint = await fingerprinter(database.db);
}, 120_000);
afterAll(async () => database.drop());

type App = ReturnType<typeof createTestApp>;
type Answer = { status: number; text: string };

function withinBound<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function send(app: App, request: FuzzRequest): Promise<Answer> {
  const init = { method: request.method, headers: request.headers, body: request.body };
  return withinBound(
    (async () => {
      const response = await app.request(request.url, init);
      return { status: response.status, text: await response.text() };
    })(),
  );
}

const unexpectedWrites = (op: Operation, written: string[]) =>
  written.filter((table) => !(WRITES_ON_REFUSAL[`${op.method} ${op.path}`] ?? []).includes(table));

/** Why an answer is wrong, or null. */
function problemWith(op: Operation, answer: Answer, written: string[]): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400) return null;
  const shape = z.object({ error: z.object({ code: z.string(), message: z.string().min(1) }) });
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `answered ${answer.status} with a body that is not JSON`;
  }
  if (!shape.safeParse(body).success) return `answered ${answer.status} without { error: { code, message } }`;
  const unexpected = unexpectedWrites(op, written);
  return unexpected.length > 0 ? `answered ${answer.status} but wrote to ${unexpected.join(", ")}` : null;
}

/**
 * Sends `runs` requests for `op` and checks each answer (plus `extra`, a rule of the caller). The fingerprint is
 * taken once before and then after every request, so each request is compared with the state it found.
 */
/** Operations (`METHOD /path`) that answered 2xx at least once: the fuzzer got past validation into the service. */
const succeeded = new Set<string>();

async function fuzz(
  app: App,
  op: Operation,
  runs: number,
  seed: number,
  extra?: (answer: Answer, written: string[]) => string | null,
) {
  let before = await fingerprint();
  await fc.assert(
    fc.asyncProperty(requestsFor(op, target), async (request) => {
      const answer = await send(app, request);
      const after = await fingerprint();
      const written = changedTables(before, after);
      before = after;
      if (answer.status < 300) succeeded.add(`${op.method} ${op.path}`);
      const problem = problemWith(op, answer, written) ?? extra?.(answer, written) ?? null;
      if (problem) {
        throw new Error(
          `${op.method} ${op.path} ${problem} (IGC_FUZZ_SEED=${SEED})\n` +
            `request: ${describeRequest(request)}\nanswer: ${shorten(answer.text, 400)}`,
        );
      }
    }),
    { numRuns: runs, seed },
  );
}

const runsFor = (op: Operation, runs: number) => (SLOW_OPERATION.test(op.path) ? Math.ceil(runs / 3) : runs);

describe("every operation, fuzzed as an administrator", () => {
  it("covers the whole API", () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it("sees a write in the fingerprint, an update as well as an insert", async () => {
    const before = await fingerprint();
    await database.db.updateTable("commissions").set({ short_name: null }).execute();
    expect(changedTables(before, await fingerprint())).toEqual(["commissions"]);
  });

  it.for(operations.map((op, index) => ({ op, index, name: `${op.method} ${op.path}` })))(
    "$name",
    { timeout: 120_000 },
    async ({ op, index }) => fuzz(asAdministrator, op, runsFor(op, RUNS_AS_ADMINISTRATOR), SEED + index),
  );

  it("still acted as the administrator at the end, and got past validation on many operations", async () => {
    const me = await (await asAdministrator.request("/api/auth/me")).json();
    expect(me.user?.isAdministrator).toBe(true);
    // About 60% do with the default runs; far fewer means the generated input drifted away from the schemas.
    expect(succeeded.size).toBeGreaterThan(operations.length * 0.4);
  });
});

describe("every operation, fuzzed as nobody", () => {
  /** Without an account only public routes answer; the rest refuse (or find no route for a broken path). */
  const refusedOnly = (answer: Answer) =>
    [401, 403, 404, 413].includes(answer.status) ? null : `answered ${answer.status} to nobody`;
  /** Nor do public routes write anything for a stranger's random input, whatever they answer. */
  const writesNothing = (op: Operation) => (answer: Answer, written: string[]) => {
    const unexpected = unexpectedWrites(op, written);
    return unexpected.length > 0 ? `answered ${answer.status} to nobody but wrote to ${unexpected.join(", ")}` : null;
  };

  it.for(operations.map((op, index) => ({ op, index, name: `${op.method} ${op.path}` })))(
    "$name",
    { timeout: 120_000 },
    async ({ op, index }) =>
      fuzz(
        asNobody,
        op,
        runsFor(op, RUNS_AS_NOBODY),
        SEED + operations.length + index,
        op.access?.role === "public"
          ? writesNothing(op)
          : (answer, written) => refusedOnly(answer) ?? writesNothing(op)(answer, written),
      ),
  );
});
