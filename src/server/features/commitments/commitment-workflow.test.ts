import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  Comment,
  Commitment,
  CommitmentPage,
  StatusUpdate,
  StatusUpdateResult,
  WatcherList,
} from "../../../shared/api/commitments.ts";
import type { FocalPoint } from "../../../shared/api/focal-points.ts";
import type { Database } from "../../db/client.ts";
import type { DB } from "../../db/schema.ts";
import { makeCommission, makeOrganization, makeSession } from "../../testing/factories.ts";
import { actingAs, createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server: the same file, both engines.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let sessionId: string;
let ministryAz: string;
let ministryKg: string;
let bystander: string;
let focalAz: FocalPoint;
let focalKg: FocalPoint;
let focalElsewhere: FocalPoint;

type ErrorJson = { error: { code: string; message: string; details?: unknown } };

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24, 1)]);
/** A Windows executable's header: "MZ", a DOS stub, NUL padding — whatever its name claims. */
const EXE = Buffer.concat([
  Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"),
  Buffer.alloc(56),
  Buffer.from("PE\0\0"),
]);

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  const commission = await makeCommission(database.db, { countries: ["AZ", "KG"] });
  sessionId = (await makeSession(database.db, commission.id)).id;
  ministryAz = (await makeOrganization(database.db, { country: "AZ" })).id;
  ministryKg = (await makeOrganization(database.db, { country: "KG" })).id;
  bystander = (await makeOrganization(database.db, { country: "KG" })).id;
  focalAz = await addFocalPoint(ministryAz, "Leyla Aliyeva", "leyla@economy.gov.az");
  focalKg = await addFocalPoint(ministryKg, "Bolot Asanov", "bolot@mineconom.kg");
  focalElsewhere = await addFocalPoint(bystander, "Aida Uulu", "aida@example.kg");
});
afterAll(() => database.drop());

async function body<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

async function expectError(res: Response, status: number, code: string, mentions: string[] = []) {
  const error = await body<ErrorJson>(res, status);
  expect(error.error.code).toBe(code);
  for (const word of mentions) expect(error.error.message).toContain(word);
}

// One account per name, opened before the counts a test compares are taken.
const accounts = new Map<string, Promise<Record<string, string>>>();
async function asActor(actor: string, init: RequestInit): Promise<RequestInit> {
  if (!accounts.has(actor)) accounts.set(actor, actingAs(database, actor));
  return { ...init, headers: { ...(init.headers as Record<string, string>), ...(await accounts.get(actor)) } };
}

async function addFocalPoint(organizationId: string, name: string, email: string): Promise<FocalPoint> {
  const res = await app.request(
    `/api/organizations/${organizationId}/focal-points`,
    jsonRequest("POST", { name, email }),
  );
  return body<FocalPoint>(res, 201);
}

async function newCommitment(overrides: Record<string, unknown> = {}): Promise<Commitment> {
  const res = await app.request(
    "/api/commitments",
    jsonRequest("POST", {
      sessionId,
      sector: "energy",
      text: { en: "Hold a joint energy forum" },
      deadline: "2026-03-31",
      responsible: [
        { organizationId: ministryAz, side: "AZ", lead: true },
        { organizationId: ministryKg, side: "KG" },
      ],
      focalPointIds: [focalAz.id, focalKg.id],
      ...overrides,
    }),
  );
  return body<Commitment>(res, 201);
}

async function reportAs(commitmentId: string, update: Record<string, unknown>, actor = "Focal point") {
  return app.request(`/api/commitments/${commitmentId}/updates`, await asActor(actor, jsonRequest("POST", update)));
}

async function confirm(commitmentId: string, input: Record<string, unknown>) {
  return app.request(
    `/api/commitments/${commitmentId}/confirm`,
    await asActor("Secretariat AZ", jsonRequest("POST", input)),
  );
}

function uploadEvidence(commitmentId: string, metadata: unknown, files: { bytes: Buffer; name: string }[]) {
  const form = new FormData();
  form.set("metadata", JSON.stringify(metadata));
  for (const f of files) form.append("files", new File([new Uint8Array(f.bytes)], f.name));
  return app.request(`/api/commitments/${commitmentId}/updates/with-evidence`, { method: "POST", body: form });
}

async function rowCount(table: keyof DB): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

async function writeCounts() {
  const tables = ["status_updates", "status_update_files", "audit_events", "notifications", "commitment_side_reports"];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rowCount(t as keyof DB)])));
}

async function history(commitmentId: string): Promise<StatusUpdate[]> {
  return (await body<{ items: StatusUpdate[] }>(await app.request(`/api/commitments/${commitmentId}/updates`), 200))
    .items;
}

describe(`assignment on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("assigns focal points of the responsible organisations, a lead side and a weight", async () => {
    const commitment = await newCommitment({ leadSide: "KG", weight: 2.5 });
    expect(commitment).toMatchObject({
      leadSide: "KG",
      weight: 2.5,
      awaitingConfirmation: false,
      confirmedAt: null,
      confirmedBy: null,
      sides: [
        { side: "AZ", status: "not_started", progress: 0, updatedAt: null },
        { side: "KG", status: "not_started", progress: 0, updatedAt: null },
      ],
    });
    expect(commitment.focalPoints.map((f) => [f.name, f.email, f.organizationId]).sort()).toEqual([
      ["Bolot Asanov", "bolot@mineconom.kg", ministryKg],
      ["Leyla Aliyeva", "leyla@economy.gov.az", ministryAz],
    ]);
  });

  it("refuses a focal point of an organisation that is not responsible, a foreign lead side and a zero weight", async () => {
    const before = await rowCount("commitments");
    await expectError(
      await app.request(
        "/api/commitments",
        jsonRequest("POST", {
          sessionId,
          sector: "trade",
          text: { en: "x" },
          responsible: [{ organizationId: ministryAz, side: "AZ" }],
          focalPointIds: [focalAz.id, focalElsewhere.id],
        }),
      ),
      400,
      "validation_failed",
      ["focalPointIds.1", "Aida Uulu"],
    );
    const commitment = await newCommitment();
    await expectError(
      await app.request(
        `/api/commitments/${commitment.id}`,
        jsonRequest("PATCH", { version: 1, focalPointIds: [focalElsewhere.id] }),
      ),
      400,
      "validation_failed",
      ["focalPointIds.0"],
    );
    await expectError(
      await app.request(`/api/commitments/${commitment.id}`, jsonRequest("PATCH", { version: 1, leadSide: "RU" })),
      400,
      "validation_failed",
      ["leadSide"],
    );
    await expectError(
      await app.request(`/api/commitments/${commitment.id}`, jsonRequest("PATCH", { version: 1, weight: 0 })),
      400,
      "validation_failed",
      ["weight"],
    );
    expect(await rowCount("commitments")).toBe(before + 1);
  });

  it("unassigns the focal points of an organisation that is no longer responsible", async () => {
    const commitment = await newCommitment();
    const changed = await body<Commitment>(
      await app.request(
        `/api/commitments/${commitment.id}`,
        jsonRequest("PATCH", {
          version: 1,
          responsible: [{ organizationId: ministryAz, side: "AZ" }],
          leadSide: null,
          weight: null,
        }),
      ),
      200,
    );
    expect(changed.focalPoints.map((f) => f.id)).toEqual([focalAz.id]);
    expect(changed).toMatchObject({ leadSide: null, weight: null, version: 2 });
  });
});

describe(`side reports and joint sign-off on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("takes a side's report without moving the overall status, and asks for confirmation", async () => {
    const commitment = await newCommitment();
    const result = await body<StatusUpdateResult>(
      await reportAs(commitment.id, { side: "AZ", status: "in_progress", progress: 60, text: "Venue booked" }, "Leyla"),
      201,
    );
    expect(result.update).toMatchObject({
      kind: "side_report",
      side: "AZ",
      authorName: "Leyla",
      previousStatus: "not_started",
      previousProgress: 0,
      status: "in_progress",
      progress: 60,
      files: [],
    });
    expect(result.commitment).toMatchObject({
      status: "not_started",
      progress: 0,
      awaitingConfirmation: true,
      version: 2,
      sides: [
        { side: "AZ", status: "in_progress", progress: 60 },
        { side: "KG", status: "not_started", progress: 0, updatedAt: null },
      ],
    });
    expect(result.commitment.sides[0]?.updatedAt).toEqual(expect.any(String));
  });

  it("gives each side the defaults of its own report: done is 100, a done side reopened needs a figure", async () => {
    const commitment = await newCommitment();
    const done = await body<StatusUpdateResult>(
      await reportAs(commitment.id, { side: "KG", status: "done", text: "Held" }),
      201,
    );
    expect(done.commitment.sides.find((s) => s.side === "KG")).toMatchObject({ status: "done", progress: 100 });
    await expectError(
      await reportAs(commitment.id, { side: "KG", status: "in_progress", text: "Reopened" }),
      400,
      "validation_failed",
      ["progress"],
    );
    await expectError(
      await reportAs(commitment.id, { side: "RU", status: "done", text: "x" }),
      400,
      "validation_failed",
      ["side"],
    );
  });

  it("confirms the proposal: one side in progress at 60, the other silent, is in progress at 30", async () => {
    const commitment = await newCommitment();
    const reported = await body<StatusUpdateResult>(
      await reportAs(commitment.id, { side: "AZ", status: "in_progress", progress: 60, text: "Venue booked" }),
      201,
    );
    const confirmed = await body<StatusUpdateResult>(
      await confirm(commitment.id, { version: reported.commitment.version }),
      201,
    );
    expect(confirmed.commitment).toMatchObject({
      status: "in_progress",
      progress: 30,
      awaitingConfirmation: false,
      confirmedBy: "Secretariat AZ",
      version: 3,
    });
    expect(confirmed.commitment.confirmedAt).toEqual(expect.any(String));
    expect(confirmed.update).toMatchObject({
      kind: "confirmation",
      side: null,
      authorName: "Secretariat AZ",
      previousStatus: "not_started",
      status: "in_progress",
      progress: 30,
    });
    expect(confirmed.update.text).toContain("AZ in progress 60%");
    expect(confirmed.update.text).toContain("KG has not reported");
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["action", "actor"])
      .where("entity_id", "=", commitment.id)
      .where("action", "in", ["commitment.side_report", "commitment.confirm"])
      .orderBy("occurred_at")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["commitment.confirm", "commitment.side_report"]);
  });

  it("confirms both sides done as done at 100, which is never overdue", async () => {
    const commitment = await newCommitment({ deadline: "2025-12-31" });
    expect(commitment.overdue).toBe(true);
    await body(await reportAs(commitment.id, { side: "AZ", status: "done", text: "Forum held in Baku" }), 201);
    await body(await reportAs(commitment.id, { side: "KG", status: "done", text: "Delegation attended" }), 201);
    const confirmed = await body<StatusUpdateResult>(await confirm(commitment.id, { version: 3 }), 201);
    expect(confirmed.commitment).toMatchObject({ status: "done", progress: 100, overdue: false });
    const late = await body<CommitmentPage>(
      await app.request(`/api/commitments?sessionId=${sessionId}&overdue=true`),
      200,
    );
    expect(late.items.map((c) => c.id)).not.toContain(commitment.id);
  });

  it("lets the secretariat confirm another status than proposed, and keeps the reason an item was dropped", async () => {
    const commitment = await newCommitment();
    await expectError(await confirm(commitment.id, { version: 1, status: "dropped" }), 400, "validation_failed", [
      "text",
    ]);
    const dropped = await body<StatusUpdateResult>(
      await confirm(commitment.id, { version: 1, status: "dropped", text: "Superseded by the energy roadmap" }),
      201,
    );
    expect(dropped.commitment).toMatchObject({ status: "dropped", droppedReason: "Superseded by the energy roadmap" });
    const again = await body<StatusUpdateResult>(await confirm(commitment.id, { version: 2, status: "dropped" }), 201);
    expect(again.commitment.droppedReason).toBe("Superseded by the energy roadmap");
  });

  it("answers a stale confirmation with 409 and writes nothing", async () => {
    const commitment = await newCommitment();
    await body(await reportAs(commitment.id, { side: "AZ", status: "done", text: "Held" }), 201);
    await asActor("Secretariat AZ", {});
    const before = await writeCounts();
    await expectError(await confirm(commitment.id, { version: 1 }), 409, "version_conflict", ["version 1"]);
    expect(await writeCounts()).toEqual(before);
    const after = await body<Commitment>(await app.request(`/api/commitments/${commitment.id}`), 200);
    expect(after).toMatchObject({ status: "not_started", awaitingConfirmation: true, version: 2, confirmedAt: null });
  });

  it("lets the secretariat's own update move the overall status as before", async () => {
    const commitment = await newCommitment();
    const result = await body<StatusUpdateResult>(
      await reportAs(commitment.id, { status: "in_progress", progress: 45, text: "Programme agreed" }, "Secretariat"),
      201,
    );
    expect(result.update).toMatchObject({ kind: "update", side: null });
    expect(result.commitment).toMatchObject({ status: "in_progress", progress: 45, awaitingConfirmation: false });
  });

  it("shows every change in the history, newest first, with who, when, kind, side and previous → new", async () => {
    const commitment = await newCommitment();
    await body(
      await reportAs(commitment.id, { side: "KG", status: "in_progress", progress: 20, text: "a" }, "Bolot"),
      201,
    );
    await body(await confirm(commitment.id, { version: 2 }), 201);
    const entries = await history(commitment.id);
    expect(entries.map((u) => [u.kind, u.side, u.authorName, u.previousStatus, u.status, u.progress])).toEqual([
      ["confirmation", null, "Secretariat AZ", "not_started", "in_progress", 10],
      ["side_report", "KG", "Bolot", "not_started", "in_progress", 20],
    ]);
    for (const entry of entries) expect(Date.parse(entry.createdAt)).not.toBeNaN();
  });

  it("filters commitments awaiting confirmation and by focal point", async () => {
    const waiting = await newCommitment({ focalPointIds: [focalKg.id] });
    await body(await reportAs(waiting.id, { side: "KG", status: "in_progress", progress: 10, text: "Started" }), 201);
    const awaiting = await body<CommitmentPage>(
      await app.request(`/api/commitments?sessionId=${sessionId}&awaitingConfirmation=true&limit=500`),
      200,
    );
    expect(awaiting.items.map((c) => c.id)).toContain(waiting.id);
    expect(awaiting.items.every((c) => c.awaitingConfirmation)).toBe(true);
    const settled = await body<CommitmentPage>(
      await app.request(`/api/commitments?sessionId=${sessionId}&awaitingConfirmation=false&limit=500`),
      200,
    );
    expect(settled.items.every((c) => !c.awaitingConfirmation)).toBe(true);
    const ofAz = await body<CommitmentPage>(
      await app.request(`/api/commitments?focalPointId=${focalAz.id}&limit=500`),
      200,
    );
    expect(ofAz.items.map((c) => c.id)).not.toContain(waiting.id);
    expect(ofAz.items.every((c) => c.focalPoints.some((f) => f.id === focalAz.id))).toBe(true);
  });
});

describe(`evidence on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("stores a PDF with a side report and gives the same bytes back", async () => {
    const commitment = await newCommitment();
    const result = await body<StatusUpdateResult>(
      await uploadEvidence(commitment.id, { side: "AZ", status: "in_progress", progress: 50, text: "Agenda signed" }, [
        { bytes: PDF, name: "Повестка форума.pdf" },
        { bytes: PNG, name: "photo.png" },
      ]),
      201,
    );
    expect(result.update.kind).toBe("side_report");
    expect(result.update.files.map((f) => [f.fileName, f.mediaType, f.sizeBytes]).sort()).toEqual([
      ["photo.png", "image/png", PNG.length],
      ["Повестка форума.pdf", "application/pdf", PDF.length],
    ]);
    const pdf = result.update.files.find((f) => f.mediaType === "application/pdf");
    const file = await app.request(`/api/status-update-files/${pdf?.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("Повестка форума.pdf")}`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await history(commitment.id))[0]?.files).toHaveLength(2);
  });

  it("answers 413 to a 12 MB file and 415 to an executable named .pdf, writing nothing", async () => {
    const commitment = await newCommitment();
    const before = await writeCounts();
    const metadata = { side: "KG", status: "done", text: "Done, see the scan" };
    await expectError(
      await uploadEvidence(commitment.id, metadata, [
        { bytes: Buffer.alloc(12 * 1024 * 1024, 0x25), name: "scan.pdf" },
      ]),
      413,
      "payload_too_large",
      ["files.0", "10 MB"],
    );
    await expectError(
      await uploadEvidence(commitment.id, metadata, [
        { bytes: PDF, name: "ok.pdf" },
        { bytes: EXE, name: "report.pdf" },
      ]),
      415,
      "unsupported_media_type",
      ["files.1", "report.pdf"],
    );
    const six = Array.from({ length: 6 }, (_, i) => ({ bytes: PDF, name: `${i}.pdf` }));
    await expectError(await uploadEvidence(commitment.id, metadata, six), 400, "validation_failed", ["files"]);
    expect(await writeCounts()).toEqual(before);
    const after = await body<Commitment>(await app.request(`/api/commitments/${commitment.id}`), 200);
    expect(after).toMatchObject({ version: 1, awaitingConfirmation: false });
  });

  it("writes nothing when the update itself fails after its files were accepted", async () => {
    const commitment = await newCommitment();
    const before = await writeCounts();
    await expectError(
      await uploadEvidence(commitment.id, { side: "KG", status: "done", progress: 50, text: "x" }, [
        { bytes: PDF, name: "a.pdf" },
      ]),
      400,
      "validation_failed",
      ["progress"],
    );
    expect(await writeCounts()).toEqual(before);
  });

  it("answers 404 for an unknown evidence file", async () => {
    await expectError(await app.request(`/api/status-update-files/${crypto.randomUUID()}`), 404, "not_found");
  });
});

describe(`comments, watchers and notifications on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("keeps the discussion under a commitment, the author being the actor unless named", async () => {
    const commitment = await newCommitment();
    const path = `/api/commitments/${commitment.id}/comments`;
    await body<Comment>(
      await app.request(path, await asActor("Leyla", jsonRequest("POST", { text: "Which hall?" }))),
      201,
    );
    await body<Comment>(await app.request(path, jsonRequest("POST", { text: "Hall B", authorName: "Bolot" })), 201);
    const comments = await body<{ items: Comment[] }>(await app.request(path), 200);
    expect(comments.items.map((c) => [c.authorName, c.text])).toEqual([
      ["Leyla", "Which hall?"],
      ["Bolot", "Hall B"],
    ]);
    await expectError(await app.request(path, jsonRequest("POST", { text: "" })), 400, "validation_failed", ["text"]);
  });

  it("adds, renames and removes watchers", async () => {
    const commitment = await newCommitment();
    const path = `/api/commitments/${commitment.id}/watchers`;
    await body(await app.request(path, jsonRequest("POST", { email: "Chair.Office@gov.az" })), 201);
    const renamed = await body<WatcherList>(
      await app.request(path, jsonRequest("POST", { email: "chair.office@gov.az", name: "Co-chair's office" })),
      201,
    );
    expect(renamed.items).toEqual([{ email: "chair.office@gov.az", name: "Co-chair's office" }]);
    await expectError(
      await app.request(path, jsonRequest("POST", { email: "not-an-address" })),
      400,
      "validation_failed",
      ["email"],
    );
    const removed = await body<WatcherList>(
      await app.request(`${path}?email=chair.office@gov.az`, { method: "DELETE" }),
      200,
    );
    expect(removed.items).toEqual([]);
    await expectError(await app.request(`${path}?email=chair.office@gov.az`, { method: "DELETE" }), 404, "not_found");
  });

  it("queues a notice to every watcher and focal point in the same transaction as the status change", async () => {
    const commitment = await newCommitment();
    await body(
      await app.request(`/api/commitments/${commitment.id}/watchers`, jsonRequest("POST", { email: "chair@gov.kg" })),
      201,
    );
    const { update } = await body<StatusUpdateResult>(
      await reportAs(commitment.id, { side: "KG", status: "in_progress", progress: 40, text: "Draft agreed" }),
      201,
    );
    const notices = await database.db
      .selectFrom("notifications")
      .select(["recipient_email", "kind", "created_at"])
      .where("commitment_id", "=", commitment.id)
      .orderBy("recipient_email")
      .execute();
    expect(notices.map((n) => [n.recipient_email, n.kind])).toEqual([
      ["bolot@mineconom.kg", "status_change"],
      ["chair@gov.kg", "status_change"],
      ["leyla@economy.gov.az", "status_change"],
    ]);
    // now() is the start of the transaction: equal times mean the notices were written in the update's transaction.
    const written = await database.db
      .selectFrom("status_updates")
      .select("created_at")
      .where("id", "=", update.id)
      .executeTakeFirstOrThrow();
    for (const notice of notices) expect(notice.created_at).toBe(written.created_at);
  });
});

describe(`the API description on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("declares the evidence upload as multipart and each new route's access rule", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            "x-igc-access"?: { role: string };
            requestBody?: { content: Record<string, unknown> };
            responses?: Record<string, unknown>;
          }
        >
      >;
    };
    const upload = doc.paths["/commitments/{id}/updates/with-evidence"]?.post;
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(["multipart/form-data"]);
    expect(Object.keys(upload?.responses ?? {})).toEqual(expect.arrayContaining(["201", "413", "415"]));
    const roles = (path: string, method: string) => doc.paths[path]?.[method]?.["x-igc-access"]?.role;
    expect(roles("/commitments/{id}/updates/with-evidence", "post")).toBe("focal_point");
    expect(roles("/commitments/{id}/updates", "post")).toBe("focal_point");
    expect(roles("/commitments/{id}/confirm", "post")).toBe("co_chair_office");
    expect(roles("/commitments/{id}/comments", "post")).toBe("focal_point");
    expect(roles("/commitments/{id}/watchers", "post")).toBe("secretariat");
    expect(roles("/commitments/{id}/watchers", "delete")).toBe("secretariat");
    expect(roles("/status-update-files/{id}", "get")).toBe("observer");
    expect(roles("/organizations/{id}/focal-points", "post")).toBe("secretariat");
    expect(roles("/focal-points", "get")).toBe("observer");
  });
});
