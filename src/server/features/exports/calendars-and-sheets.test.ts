import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarEvents } from "../../../documents/testing/file-readers.ts";
import type { Commitment } from "../../../shared/api/commitments.ts";
import type { Database } from "../../db/client.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { azKgCommission } from "../demo/az-kg.ts";
import { loadDemoCommission } from "../demo/demo.service.ts";
import { detectSeparator, parseCsv } from "../indicators/csv.ts";

// The test app's clock reads 2026-07-01: the demo's items due by the end of June and still open are late.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let commissionId: string;
let session6: string;
let session7: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  commissionId = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
  const sessions = await database.db
    .selectFrom("sessions")
    .select(["id", "number"])
    .where("commission_id", "=", commissionId)
    .execute();
  session6 = sessions.find((s) => s.number === 6)?.id ?? "";
  session7 = sessions.find((s) => s.number === 7)?.id ?? "";
});
afterAll(() => database.drop());

async function ok(path: string, init?: RequestInit): Promise<Response> {
  const res = await app.request(path, init);
  expect(
    res.status,
    `${path}: ${res.status === 200 || res.status === 201 ? "" : await res.clone().text()}`,
  ).toBeLessThan(300);
  return res;
}

async function sessionCommitments(sessionId: string): Promise<Commitment[]> {
  const page = await (await ok(`/api/commitments?sessionId=${sessionId}&limit=500`)).json();
  return page.items;
}

function upload(bytes: ArrayBuffer | Buffer, name: string): RequestInit {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name));
  return { method: "POST", body: form };
}

describe("calendar feeds", () => {
  it("serve a commission's dated sessions and its deadlines to whoever has the secret URL, until revoked", async () => {
    await ok(
      `/api/sessions/${session7}`,
      jsonRequest("PATCH", { version: 1, startsOn: "2026-10-05", endsOn: "2026-10-06" }),
    );
    const created = await (
      await ok(`/api/commissions/${commissionId}/calendar-feeds`, jsonRequest("POST", { lang: "en" }))
    ).json();
    expect(created.url).toMatch(/^http:\/\/localhost\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics\?lang=en$/);
    const feed = await ok(new URL(created.url).pathname + new URL(created.url).search);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { name, events } = calendarEvents(await feed.text());
    expect(name).toBe("AZ–KG Intergovernmental Commission");
    const held = events.find((e) => e.summary.startsWith("6th session"));
    expect(held).toMatchObject({ status: "CONFIRMED", start: "2025-12-08", end: "2025-12-09", allDay: true });
    const planned = events.find((e) => e.summary.startsWith("7th session"));
    expect(planned).toMatchObject({ status: "TENTATIVE", start: "2026-10-05", end: "2026-10-07" });
    const deadlines = events.filter((e) => e.categories.includes("deadline"));
    expect(deadlines.length).toBeGreaterThan(10);
    const late = deadlines.filter((e) => e.categories.includes("late"));
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((e) => e.summary.startsWith("LATE — Deadline"))).toBe(true);
    const tradeCentre = deadlines.find((e) => e.summary.includes("1.1: Study the possibility of establishing a trade"));
    expect(tradeCentre).toMatchObject({ start: "2026-09-30", allDay: true });

    const stored = await database.db.selectFrom("calendar_feeds").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(created.url.match(/calendar\/(.+)\.ics/)?.[1]);
    await ok(`/api/calendar-feeds/${created.id}`, { method: "DELETE" });
    expect((await app.request(new URL(created.url).pathname)).status).toBe(404);
    expect((await app.request(`/api/calendar/${"x".repeat(43)}.ics`)).status).toBe(404);
    expect((await app.request("/api/calendar/whatever")).status).toBe(404);
  });

  it("serve an organisation's deadlines, in Russian when asked", async () => {
    const socar = await database.db
      .selectFrom("organization_aliases")
      .select("organization_id")
      .where("normalized", "=", "socar")
      .executeTakeFirstOrThrow();
    const created = await (
      await ok(`/api/organizations/${socar.organization_id}/calendar-feeds`, jsonRequest("POST", { lang: "ru" }))
    ).json();
    const { events } = calendarEvents(await (await ok(`${new URL(created.url).pathname}?lang=ru`)).text());
    const deadlines = events.filter((e) => e.categories.includes("deadline"));
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((e) => e.description.includes("SOCAR"))).toBe(true);
    expect(events.some((e) => e.summary.startsWith("6-е заседание"))).toBe(true);
  });

  it("give a session and its deadlines as a one-off download", async () => {
    const { events } = calendarEvents(await (await ok(`/api/sessions/${session6}/calendar.ics`)).text());
    expect(events.filter((e) => e.summary.startsWith("6th session"))).toHaveLength(1);
    expect(events.filter((e) => e.categories.includes("deadline")).length).toBeGreaterThan(10);
  });
});

async function exportXlsx(query: string): Promise<ArrayBuffer> {
  const res = await ok(`/api/commitments/export.xlsx?${query}`);
  expect(res.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''commitments.xlsx");
  return res.arrayBuffer();
}

async function readWorkbook(bytes: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

describe("commitment spreadsheets", () => {
  it("export the filtered list, every page of it, as XLSX and CSV", async () => {
    const sheet = await readWorkbook(await exportXlsx(`sessionId=${session6}&lang=ru`));
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "ID",
      "Заседание",
      "Пункт",
      "Сектор",
      "Текст (ru)",
      "Текст (en)",
      "Текст (az)",
      "Ответственные AZ",
      "Ответственные KG",
      "Срок",
      "Крайняя дата",
      "Статус",
      "Выполнение, %",
      "Просрочено",
      "Комментарий к обновлению",
    ]);
    expect(sheet.actualRowCount).toBe(34);
    const first = sheet.getRow(2);
    expect(first.getCell(3).text).toBe("1.1");
    expect(first.getCell(5).text).toBe(
      "Изучить возможность создания торгово-логистического центра в Кыргызской Республике",
    );
    expect(first.getCell(8).text).toBe("Министерство экономики Азербайджанской Республики");
    expect(first.getCell(10).text).toBe("2026-Q3");

    const filter = `commissionId=${commissionId}&sector=trade&overdue=false`;
    const listed = (await (await ok(`/api/commitments?${filter}&limit=500`)).json()).items.length;
    const csv = await (await ok(`/api/commitments/export.csv?${filter}`)).text();
    const parsed = parseCsv(csv.replace(/^\uFEFF/, ""), detectSeparator(csv));
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.records;
    expect(header?.fields.slice(0, 4)).toEqual(["ID", "Session", "Item", "Sector"]);
    expect(rows).toHaveLength(listed);
    expect(rows.every((r) => r.fields[3] === "trade")).toBe(true);
  });

  it("import what they exported without changing anything", async () => {
    const before = await sessionCommitments(session6);
    const bytes = await exportXlsx(`sessionId=${session6}`);
    const preview = await (
      await ok(`/api/sessions/${session6}/commitments/import?dryRun=true`, upload(bytes, "export.xlsx"))
    ).json();
    expect(preview.summary).toEqual({ created: 0, updated: 0, unchanged: 33 });
    const result = await (
      await ok(`/api/sessions/${session6}/commitments/import`, upload(bytes, "export.xlsx"))
    ).json();
    expect(result.summary).toEqual({ created: 0, updated: 0, unchanged: 33 });
    expect(await sessionCommitments(session6)).toEqual(before);

    const csv = await (await ok(`/api/commitments/export.csv?sessionId=${session6}&lang=ru`)).arrayBuffer();
    const fromCsv = await (
      await ok(`/api/sessions/${session6}/commitments/import?lang=ru`, upload(csv, "export.csv"))
    ).json();
    expect(fromCsv.summary).toEqual({ created: 0, updated: 0, unchanged: 33 });
    expect(await sessionCommitments(session6)).toEqual(before);
  });

  it("import edited rows and new ones: a preview first, then all in one go with the history and an audit event", async () => {
    const sheet = await readWorkbook(await exportXlsx(`sessionId=${session6}`));
    const edited = sheet.getRow(2);
    const id = edited.getCell(1).text;
    edited.getCell(12).value = "in_progress";
    edited.getCell(13).value = 30;
    edited.getCell(15).value = "Feasibility study commissioned.";
    sheet.addRow([
      "",
      6,
      "11.2",
      "science",
      "",
      "Hold a joint conference of young scientists",
      "",
      "",
      "",
      "2026-11",
      "",
      "",
      "",
      "",
      "",
    ]);
    const bytes = await sheet.workbook.xlsx.writeBuffer();

    const preview = await (
      await ok(`/api/sessions/${session6}/commitments/import?dryRun=true`, upload(bytes, "edited.xlsx"))
    ).json();
    expect(preview.summary).toEqual({ created: 1, updated: 1, unchanged: 32 });
    expect(preview.rows[0]).toMatchObject({
      row: 2,
      id,
      action: "update",
      changes: ["Status", "Progress, %", "Update note"],
    });
    expect((await sessionCommitments(session6)).length).toBe(33);

    const result = await (
      await ok(`/api/sessions/${session6}/commitments/import`, upload(bytes, "edited.xlsx"))
    ).json();
    expect(result.summary).toEqual({ created: 1, updated: 1, unchanged: 32 });
    const after = await sessionCommitments(session6);
    expect(after.find((c) => c.id === id)).toMatchObject({ status: "in_progress", progress: 30, version: 2 });
    expect(after.find((c) => c.itemNumber === "11.2")).toMatchObject({
      sector: "science",
      deadline: "2026-11",
      dueDate: "2026-11-30",
    });
    const history = await (await ok(`/api/commitments/${id}/updates`)).json();
    expect(history.items[0]).toMatchObject({
      status: "in_progress",
      progress: 30,
      text: "Feasibility study commissioned.",
    });
    const audit = await database.db
      .selectFrom("audit_events")
      .select("after")
      .where("action", "=", "commitment.import")
      .where("entity_id", "=", session6)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuse a file with a wrong row: 400 naming the row and column, and nothing written", async () => {
    const before = await sessionCommitments(session6);
    const sheet = await readWorkbook(await exportXlsx(`sessionId=${session6}`));
    sheet.getRow(2).getCell(12).value = "in_progress";
    sheet.getRow(2).getCell(13).value = 55;
    sheet.getRow(5).getCell(12).value = "finished";
    sheet.getRow(6).getCell(8).value = "Ministry of Nowhere";
    const bytes = await sheet.workbook.xlsx.writeBuffer();
    for (const query of ["?dryRun=true", ""]) {
      const res = await app.request(`/api/sessions/${session6}/commitments/import${query}`, upload(bytes, "bad.xlsx"));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.details.issues).toEqual([
        { row: 5, column: "Status", message: "must be one of: not_started, in_progress, done, dropped" },
        { row: 6, column: "Responsible AZ", message: 'no organisation of AZ is called "Ministry of Nowhere"' },
      ]);
    }
    expect(await sessionCommitments(session6)).toEqual(before);
  });
});
