import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionDetail } from "../../../shared/api/commissions.ts";
import type { CommitmentPage } from "../../../shared/api/commitments.ts";
import type { ExtractResult, ImportDraft, ImportResult } from "../../../shared/api/imports.ts";
import { noRecords } from "../../../shared/api/imports.ts";
import type { SessionDetail } from "../../../shared/api/sessions.ts";
import type { Database } from "../../db/client.ts";
import { createTestApp } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { commitmentKey } from "./import-commitments.ts";
import {
  acceptBody,
  type ErrorJson,
  extractFile,
  fixturePath,
  importDocument,
  postAccept,
  uploadDocument,
} from "./import-test-requests.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server: the same file, both engines.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
});
afterAll(() => database.drop());

async function get<T>(path: string): Promise<T> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Rows of the tables an import writes to, read in one statement. */
async function rowCounts() {
  const { rows } = await sql<Record<string, number>>`select
    (select count(*)::int from commissions) as commissions, (select count(*)::int from sessions) as sessions,
    (select count(*)::int from commitments) as commitments, (select count(*)::int from organizations) as organizations,
    (select count(*)::int from people) as people, (select count(*)::int from documents) as documents`.execute(
    database.db,
  );
  return rows[0];
}

function bySector(items: { sector: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { sector } of items) counts.set(sector, (counts.get(sector) ?? 0) + 1);
  return counts;
}

describe("accepting a protocol into an empty database", () => {
  const protocol = fixturePath("by-uz-14th-session-protocol.ru.txt");
  let extraction: ExtractResult;
  let result: ImportResult;
  let commission: CommissionDetail;

  beforeAll(async () => {
    ({ extraction, result } = await importDocument(app, protocol));
    commission = await get<CommissionDetail>(`/api/commissions/${result.commissionId}`);
  });

  it("creates the commission of the two countries, the session as held and the next one as planned", () => {
    expect(result.created).toMatchObject({ commissions: 1, sessions: 2, coChairs: 2, people: 2, documents: 1 });
    expect(commission.countries).toEqual(["BY", "UZ"]);
    expect(commission.name.ru).toMatch(/^Межправительственная белорусско-узбекская комиссия по/);
    const [held, next] = commission.sessions;
    expect(held).toMatchObject({ id: result.sessionId, number: 14, hostCountry: "BY", status: "held" });
    expect(held).toMatchObject({ startsOn: "2025-11-25", city: { ru: "Минск" } });
    expect(next).toMatchObject({ number: 15, hostCountry: "UZ", status: "planned", startsOn: null });
    expect(next?.datesViaDiplomaticChannels).toBe(true);
  });

  it("creates each agreed action as a commitment of its sector, with its deadline and responsible bodies", async () => {
    const page = await get<CommitmentPage>(`/api/commitments?sessionId=${result.sessionId}&limit=500`);
    const uniqueTexts = new Set(extraction.draft.commitments.map((c) => commitmentKey(c.text)));
    expect(page.items).toHaveLength(uniqueTexts.size);
    expect(result.created.commitments).toBe(uniqueTexts.size);
    expect(bySector(page.items)).toEqual(bySector(extraction.draft.commitments));
    const tractors = page.items.find((c) => c.itemNumber === "3");
    expect(tractors).toMatchObject({ sector: "industry", deadline: "ongoing", dueDate: null });
    const lifts = page.items.find((c) => c.itemNumber === "4");
    expect(lifts).toMatchObject({ deadline: "2026-07-01", dueDate: "2026-07-01" });
    const trade = page.items.find((c) => c.itemNumber === "1");
    expect(trade?.responsible.map((r) => r.side).sort()).toEqual(["BY", "UZ"]);
  });

  it("records the co-chairs for their sides and the signed protocol with its signatories and source file", async () => {
    expect(commission.coChairs.map((c) => [c.side, c.name.ru, c.startsOn])).toEqual([
      ["BY", "Олег Дроздов", "2025-11-25"],
      ["UZ", "Бахтиёр Юсупов", "2025-11-25"],
    ]);
    const session = await get<SessionDetail>(`/api/sessions/${result.sessionId}`);
    const [document] = session.documents;
    expect(document).toMatchObject({ kind: "protocol", signedOn: "2025-11-25" });
    expect(document?.signatories.map((s) => [s.side, s.name.ru])).toEqual([
      ["BY", "Олег Дроздов"],
      ["UZ", "Бахтиёр Юсупов"],
    ]);
    expect(session.events.map((e) => e.kind)).toEqual(["signing"]);
    const file = await app.request(`/api/documents/${document?.id}/file`);
    expect(await file.text()).toBe(extraction.text);
  });

  it("writes an audit event for every record and one for the import", async () => {
    const actions = await database.db.selectFrom("audit_events").select("action").execute();
    const names = actions.map((a) => a.action);
    expect(names.filter((n) => n === "commitment.create")).toHaveLength(result.created.commitments);
    expect(names).toContain("import.accept");
  });

  it("matches everything and creates nothing when the same document is accepted again", async () => {
    const before = await rowCounts();
    const again = await importDocument(app, protocol);
    expect(again.result.created).toEqual(noRecords());
    expect(again.result.commissionId).toBe(result.commissionId);
    expect(again.result.sessionId).toBe(result.sessionId);
    expect(again.result.matched).toMatchObject({
      commissions: 1,
      sessions: 2,
      commitments: extraction.draft.commitments.length,
      coChairs: 2,
      documents: 1,
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("turns the planned next session into the held one when its own document comes in", async () => {
    const next = await acceptBody(app, {
      draft: {
        format: "igc-extraction/1",
        language: "ru",
        commission: { countries: ["UZ", "BY"] },
        session: { number: 15, date: "2026-05-20", city: "Ташкент", host_country: "UZ" },
        next_session: { number: null, via_diplomatic_channels: true },
      },
    });
    expect(next.created).toMatchObject({ commissions: 0, sessions: 1 });
    expect(next.matched).toMatchObject({ commissions: 1, sessions: 1 });
    const { sessions } = await get<CommissionDetail>(`/api/commissions/${result.commissionId}`);
    expect(sessions.map((s) => [s.number, s.status, s.startsOn, s.hostCountry])).toEqual([
      [14, "held", "2025-11-25", "BY"],
      [15, "held", "2026-05-20", "UZ"],
      [16, "planned", null, "BY"],
    ]);
    expect(sessions[1]?.datesViaDiplomaticChannels).toBe(false);
  });

  it("answers a dry run with what it would do and writes nothing", async () => {
    const before = await rowCounts();
    const [first] = extraction.draft.commitments;
    if (!first) throw new Error("The fixture has commitments.");
    const draft: ImportDraft = {
      ...extraction.draft,
      commitments: [{ ...first, text: "Провести совместный бизнес-форум" }],
    };
    const preview = await acceptBody(app, { draft }, "?dryRun=true");
    expect(preview).toMatchObject({ dryRun: true, created: { commitments: 1 } });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("a press release that names the co-chairs in the genitive", () => {
  it("stores the people in the nominative and their posts as titles", async () => {
    const { result } = await importDocument(app, fixturePath("kg-cn-7th-committee-2025.ru.txt"));
    const commission = await get<CommissionDetail>(`/api/commissions/${result.commissionId}`);
    expect(commission.coChairs.map((c) => [c.side, c.name.ru, c.position.ru])).toEqual([
      ["CN", "Лю Гочжэн", "Заместитель Премьера Государственного совета Китайской Народной Республики"],
      ["KG", "Данияр Абдыкеримов", "Первый заместитель Председателя Кабинета Министров Кыргызской Республики"],
    ]);
    expect(result.created.commissions).toBe(1);
  });
});

describe("bad input", () => {
  const reasonOf = async (res: Response) => ((await res.json()) as ErrorJson).error.details?.reason;

  it("refuses an empty file, a binary one and a broken DOCX with a 4xx that says why", async () => {
    const empty = await uploadDocument(app, new Uint8Array(), "empty.txt");
    expect(empty.status).toBe(400);
    expect(await reasonOf(empty)).toBe("empty_input");

    const binary = await uploadDocument(
      app,
      Uint8Array.from({ length: 2048 }, (_, i) => (i * 7) % 256),
      "data.bin",
    );
    expect(binary.status).toBe(415);
    expect(await reasonOf(binary)).toBe("binary_input");

    const brokenDocx = new TextEncoder().encode("PK\u0003\u0004 this is not a zip archive at all");
    const docx = await uploadDocument(app, brokenDocx, "protocol.docx");
    expect(docx.status).toBe(400);
    const body = (await docx.json()) as ErrorJson;
    expect(body.error).toMatchObject({ code: "validation_failed", details: { reason: "unreadable_docx" } });
    expect(body.error.message).toMatch(/^file: .*DOCX/);
  });

  it("refuses a document over 10 MB and a request with neither a file nor text", async () => {
    const large = await uploadDocument(app, new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), "large.txt");
    expect(large.status).toBe(413);
    const nothing = await app.request("/api/imports/extract", { method: "POST" });
    expect(nothing.status).toBe(400);
    expect(((await nothing.json()) as ErrorJson).error.message).toMatch(/^file: is required/);
  });

  it("reads HTML with a script as text only", async () => {
    const html =
      "<html><head><script>alert('x')</script></head><body><h1>Заседание</h1>" +
      "<p>Стороны договорились <script>document.write('<b>bad</b>')</script>развивать торговлю.</p></body></html>";
    const res = await app.request("/api/imports/extract", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: html }),
    });
    expect(res.status).toBe(200);
    const { text } = (await res.json()) as ExtractResult;
    expect(text).toContain("развивать торговлю");
    expect(text).not.toMatch(/alert|document\.write|<|>/);
  });

  it("names each field of a draft that makes no sense", async () => {
    const res = await postAccept(app, {
      draft: {
        format: "something-else",
        language: "ru",
        commission: { countries: ["AZ"] },
        commitments: [{ sector: "space-tourism", deadline: "soon" }],
      },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorJson;
    for (const field of [
      "draft.format",
      "draft.commission.countries",
      "draft.commitments.0.sector",
      "draft.commitments.0.text",
      "draft.commitments.0.deadline",
    ]) {
      expect(error.message).toContain(`${field}:`);
    }
  });

  it("asks for the countries or a commission when the draft names neither", async () => {
    const res = await postAccept(app, { draft: { format: "igc-extraction/1", language: "en" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.message).toMatch(/^draft\.commission\.countries: /);
  });

  it("skips what it cannot place and says why, instead of failing the whole import", async () => {
    const { draft } = await extractFile(app, fixturePath("tm-tr-6th-session-2025.ru.txt"));
    const result = await acceptBody(app, {
      draft: {
        ...draft,
        session: { ...draft.session, number: null, date: null },
        co_chairs: [{ name: "Иван Петров" }],
      },
    });
    expect(result.sessionId).toBeNull();
    expect(result.skipped.map((s) => s.fact)).toEqual(
      expect.arrayContaining(["session", "co_chairs.0", "commitments"]),
    );
  });
});
