import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../../shared/api/documents.ts";
import type { Database } from "../../db/client.ts";
import { makeCommission, makePerson, makeSession } from "../../testing/factories.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server: the same file, both engines.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let commissionId: string;
let sessionId: string;
let otherSessionId: string;
let sharifov: string;
let torobaev: string;

type ErrorJson = { error: { code: string; message: string; details?: unknown } };

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "latin1");

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  commissionId = (await makeCommission(database.db)).id;
  sessionId = (await makeSession(database.db, commissionId, { number: 6 })).id;
  const otherCommission = await makeCommission(database.db, { countries: ["AZ", "UZ"] });
  otherSessionId = (await makeSession(database.db, otherCommission.id)).id;
  sharifov = (await makePerson(database.db, { name: { ru: "Самир Шарифов", en: "Samir Sharifov" } })).id;
  torobaev = (await makePerson(database.db, { name: { ru: "Бакыт Торобаев" } })).id;
});
afterAll(() => database.drop());

function protocolMetadata(overrides: Record<string, unknown> = {}) {
  return {
    commissionId,
    sessionId,
    kind: "protocol",
    title: { ru: "Протокол шестого заседания Межправительственной комиссии", en: "Protocol of the sixth meeting" },
    languages: ["ru"],
    signedOn: "2025-12-08",
    source: "seed",
    signatories: [
      { personId: sharifov, side: "AZ" },
      { personId: torobaev, side: "KG" },
    ],
    ...overrides,
  };
}

function upload(metadata: unknown, file?: { bytes: Buffer; name: string }) {
  const form = new FormData();
  form.set("metadata", typeof metadata === "string" ? metadata : JSON.stringify(metadata));
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  return app.request("/api/documents", { method: "POST", body: form });
}

async function created(res: Response): Promise<Document> {
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Document;
}

async function expectError(res: Response, status: number, code: string, mentions: string[] = []) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorJson;
  expect(body.error.code).toBe(code);
  for (const word of mentions) expect(body.error.message).toContain(word);
  return body;
}

async function documentCount(): Promise<number> {
  const row = await database.db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe(`documents on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("stores a signed protocol with its file and signatories, audited, and gives the bytes back", async () => {
    const document = await created(
      await upload(protocolMetadata(), { bytes: PDF, name: "C:\\scans\\Протокол №6.pdf" }),
    );
    expect(document).toMatchObject({
      kind: "protocol",
      sessionId,
      signedOn: "2025-12-08",
      languages: ["ru"],
      version: 1,
      file: {
        name: "Протокол №6.pdf",
        mediaType: "application/pdf",
        sizeBytes: PDF.length,
        sha256: createHash("sha256").update(PDF).digest("hex"),
      },
    });
    const read = (await (await app.request(`/api/documents/${document.id}`)).json()) as Document;
    expect(read.signatories.map((s) => [s.side, s.name.ru])).toEqual([
      ["AZ", "Самир Шарифов"],
      ["KG", "Бакыт Торобаев"],
    ]);
    const file = await app.request(`/api/documents/${document.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("Протокол №6.pdf")}`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["action", "after"])
      .where("entity_id", "=", document.id)
      .execute();
    expect(audit).toMatchObject([{ action: "document.create", after: { file: { name: "Протокол №6.pdf" } } }]);
  });

  it("stores a document without a file, and its file link answers 404", async () => {
    const agenda = await created(
      await upload({ commissionId, kind: "agenda", title: { en: "Agenda of the sixth meeting" }, languages: ["en"] }),
    );
    expect(agenda).toMatchObject({ file: null, signatories: [], signedOn: null, sessionId: null });
    await expectError(await app.request(`/api/documents/${agenda.id}/file`), 404, "not_found", ["no file"]);
  });

  it("takes a file well above the API's 1 MB limit for JSON bodies", async () => {
    const report = Buffer.from("Отчёт о выполнении решений.\n".repeat(100_000));
    expect(report.length).toBeGreaterThan(4 * 1024 * 1024);
    const document = await created(
      await upload(
        { commissionId, kind: "report", title: { ru: "Отчёт" }, languages: ["ru"] },
        { bytes: report, name: "report.txt" },
      ),
    );
    expect(document.file).toMatchObject({ mediaType: "text/plain; charset=utf-8", sizeBytes: report.length });
  });

  it("answers 413 to a 21 MB upload and writes nothing", async () => {
    const before = await documentCount();
    const big = Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]);
    await expectError(await upload(protocolMetadata(), { bytes: big, name: "big.pdf" }), 413, "payload_too_large");
    expect(await documentCount()).toBe(before);
  });

  it("answers 415 to an executable named .pdf, and to a ZIP named .docx, writing nothing", async () => {
    const before = await documentCount();
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(512)]);
    await expectError(
      await upload(protocolMetadata(), { bytes: exe, name: "protocol.pdf" }),
      415,
      "unsupported_media_type",
      ["file", "protocol.pdf"],
    );
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("payload.exe", "latin1")]);
    await expectError(
      await upload(protocolMetadata(), { bytes: zip, name: "protocol.docx" }),
      415,
      "unsupported_media_type",
    );
    expect(await documentCount()).toBe(before);
  });

  it("answers 400 naming the field for bad metadata, writing nothing", async () => {
    const before = await documentCount();
    const cases: [unknown, string][] = [
      ["{not json", "metadata"],
      [protocolMetadata({ title: "plain" }), "metadata.title"],
      [protocolMetadata({ colour: "red" }), "metadata.colour"],
      [protocolMetadata({ kind: "letter" }), "metadata.kind"],
      [protocolMetadata({ languages: ["russian"] }), "metadata.languages.0"],
      [protocolMetadata({ commissionId: undefined }), "metadata.commissionId: is required"],
      [protocolMetadata({ kind: "agenda" }), "metadata.signedOn: only a protocol or memorandum has a signing date"],
      [protocolMetadata({ signedOn: "2025-13-40" }), "metadata.signedOn"],
      [protocolMetadata({ signatories: [{ personId: sharifov, side: "RU" }] }), "signatories.0.side"],
      [protocolMetadata({ signatories: [{ personId: crypto.randomUUID(), side: "AZ" }] }), "signatories.0.personId"],
      [protocolMetadata({ commissionId: crypto.randomUUID() }), "commissionId: no commission"],
      [protocolMetadata({ sessionId: otherSessionId }), "sessionId"],
    ];
    for (const [metadata, mention] of cases) {
      await expectError(await upload(metadata), 400, "validation_failed", [mention]);
    }
    const form = new FormData();
    form.set("metadata", JSON.stringify(protocolMetadata()));
    form.set("colour", "red");
    await expectError(await app.request("/api/documents", { method: "POST", body: form }), 400, "validation_failed", [
      "colour",
    ]);
    await expectError(
      await app.request("/api/documents", { method: "POST", body: new FormData() }),
      400,
      "validation_failed",
      ["metadata: is required"],
    );
    expect(await documentCount()).toBe(before);
  });

  it("lists by commission, session and kind, finds by stemmed words, and pages with a cursor", async () => {
    await created(
      await upload({
        commissionId,
        kind: "memorandum",
        title: { en: "Memorandum on cooperation in energy", ru: "Меморандум о сотрудничестве в энергетике" },
        languages: ["ru", "en"],
      }),
    );
    const list = async (query: string) =>
      ((await (await app.request(`/api/documents?${query}`)).json()) as { items: Document[] }).items;
    expect((await list(`commissionId=${commissionId}`)).length).toBeGreaterThanOrEqual(3);
    expect((await list(`sessionId=${sessionId}`)).map((d) => d.kind)).toEqual(["protocol"]);
    expect((await list(`commissionId=${commissionId}&kind=memorandum`)).map((d) => d.kind)).toEqual(["memorandum"]);
    // «протоколы» and «сотрудничество», «cooperating»: the russian and english configurations stem them.
    expect((await list(`q=${encodeURIComponent("протоколы")}`)).map((d) => d.kind)).toEqual(["protocol"]);
    expect((await list(`q=${encodeURIComponent("сотрудничество")}`)).map((d) => d.kind)).toEqual(["memorandum"]);
    expect((await list("q=cooperating")).map((d) => d.kind)).toEqual(["memorandum"]);
    const all = (await list("limit=500")).map((d) => d.id);
    const seen: string[] = [];
    let cursor = "";
    do {
      const page = (await (await app.request(`/api/documents?limit=1${cursor ? `&cursor=${cursor}` : ""}`)).json()) as {
        items: Document[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor ?? "";
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("answers 400 for bad query parameters, 404 for an unknown id and 400 for a malformed one", async () => {
    await expectError(await app.request("/api/documents?kind=letter"), 400, "validation_failed", ["kind"]);
    await expectError(await app.request("/api/documents?colour=red"), 400, "validation_failed", ["colour"]);
    await expectError(await app.request("/api/documents?cursor=bogus"), 400, "validation_failed", ["cursor"]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expectError(await app.request(`/api/documents/${unknown}`), 404, "not_found", [unknown]);
    await expectError(await app.request(`/api/documents/${unknown}/file`), 404, "not_found", [unknown]);
    await expectError(await app.request("/api/documents/42"), 400, "validation_failed", ["id"]);
  });

  it("changes a document with the version it read, and answers 409 to a stale one", async () => {
    const memo = await created(
      await upload({ commissionId, kind: "memorandum", title: { en: "Memorandum on tourism" }, languages: ["en"] }),
    );
    const patch = (body: unknown) => app.request(`/api/documents/${memo.id}`, jsonRequest("PATCH", body));
    const changed = await patch({
      version: 1,
      signedOn: "2025-12-08",
      sessionId,
      languages: ["ru", "en"],
      signatories: [{ personId: torobaev, side: "KG" }],
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      version: 2,
      signedOn: "2025-12-08",
      sessionId,
      languages: ["ru", "en"],
      signatories: [{ personId: torobaev, side: "KG" }],
      title: { en: "Memorandum on tourism" },
    });
    await expectError(await patch({ version: 1, title: { en: "Stale" } }), 409, "version_conflict", ["version 1"]);
    await expectError(await patch({ version: 2, kind: "press_release" }), 400, "validation_failed", ["signedOn"]);
    await expectError(await patch({ version: 2, colour: "red" }), 400, "validation_failed", ["colour"]);
    await expectError(await patch({ version: 2, sessionId: otherSessionId }), 400, "validation_failed", ["sessionId"]);
    await expectError(await patch({ title: { en: "No version" } }), 400, "validation_failed", ["version: is required"]);
    const unchanged = (await (await app.request(`/api/documents/${memo.id}`)).json()) as Document;
    expect(unchanged).toMatchObject({ version: 2, kind: "memorandum", title: { en: "Memorandum on tourism" } });
    const cleared = await patch({ version: 2, kind: "report", signedOn: null, signatories: [] });
    expect(await cleared.json()).toMatchObject({ version: 3, kind: "report", signedOn: null, signatories: [] });
    await expectError(
      await app.request(`/api/documents/${crypto.randomUUID()}`, jsonRequest("PATCH", { version: 1 })),
      404,
      "not_found",
    );
  });

  it("publishes every document route with its access rule", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { "x-igc-access"?: { role: string } }>>;
    };
    expect(doc.paths["/documents"]?.get?.["x-igc-access"]?.role).toBe("observer");
    expect(doc.paths["/documents"]?.post?.["x-igc-access"]?.role).toBe("secretariat");
    expect(doc.paths["/documents/{id}"]?.patch?.["x-igc-access"]?.role).toBe("secretariat");
    expect(doc.paths["/documents/{id}/file"]?.get?.["x-igc-access"]?.role).toBe("observer");
  });
});
