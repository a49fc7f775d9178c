// Documents out (issue 6) through the pages: the protocol, the report and the session's calendar downloaded by
// their links, the press release drafted and exported, calendar subscriptions created and revoked, and a session's
// agreements exported and imported back as a spreadsheet with a preview.
import { readFile } from "node:fs/promises";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionPage } from "../src/shared/api/commissions.ts";
import type { CommitmentPage } from "../src/shared/api/commitments.ts";
import type { SessionList, SessionSummary } from "../src/shared/api/sessions.ts";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import { expectContainsText, expectCount, expectVisible, textOf } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let commissionId: string;
let sixth: SessionSummary;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const { items } = await server.getJson<CommissionPage>("/api/commissions");
  const commission = items.find((c) => c.countries.includes("AZ") && c.countries.includes("KG"));
  if (!commission) throw new Error("The demo Azerbaijan–Kyrgyzstan commission is missing");
  commissionId = commission.id;
  const sessions = await server.getJson<SessionList>(`/api/commissions/${commission.id}/sessions`);
  const found = sessions.items.find((s) => s.number === 6);
  if (!found) throw new Error("The 6th session is missing");
  sixth = found;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openSession(page: Page): Promise<void> {
  await page.goto(`/sessions/${sixth.id}`);
  await page.getByTestId("commitment-item").first().waitFor();
  await page.getByTestId("session-exports").waitFor();
}

/** Clicks a link or button and returns the file the browser downloads, with its bytes. */
async function download(page: Page, testId: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

/** The content type the server sends for a link of the page. */
async function contentTypeOf(page: Page, testId: string): Promise<string> {
  const href = await page.getByTestId(testId).getAttribute("href");
  if (!href) throw new Error(`${testId} has no href`);
  const response = await server.fetch(href);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return response.headers.get("content-type") ?? "";
}

describe("the session's documents", () => {
  it("downloads the protocol as PDF and DOCX, in one language and in two, and the report and calendar", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openSession(page);

    const pdf = await download(page, "protocol-pdf");
    expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.bytes.length).toBeGreaterThan(5_000);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await contentTypeOf(page, "protocol-pdf")).toMatch(/^application\/pdf/);

    // Russian beside English, in parallel columns.
    await page.getByTestId("protocol-lang").selectOption("ru");
    await page.getByTestId("protocol-lang2").selectOption("en");
    expect(await page.getByTestId("protocol-docx").getAttribute("href")).toContain("lang=ru&lang2=en");
    const docx = await download(page, "protocol-docx");
    expect(docx.file.suggestedFilename()).toMatch(/ru-en\.docx$/);
    expect(docx.bytes.length).toBeGreaterThan(5_000);
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(await contentTypeOf(page, "protocol-docx")).toMatch(
      /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/,
    );

    // The report made at the 6th session is on the 5th by default.
    expect(await textOf(page.getByTestId("report-of").locator("option:checked"))).toBe("5th session");
    const report = await download(page, "report-pdf");
    expect(report.file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(report.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const ics = await download(page, "session-ics");
    expect(ics.file.suggestedFilename()).toMatch(/\.ics$/);
    expect(ics.bytes.toString("utf8")).toContain("BEGIN:VCALENDAR");
    expect(await contentTypeOf(page, "session-ics")).toMatch(/^text\/calendar/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("drafts a press release in English and Russian, takes edits and exports them as DOCX", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openSession(page);
    await page.getByTestId("open-press-release").click();
    const editor = page.getByTestId("press-release-editor");
    const title = editor.getByTestId("press-release-title");
    const text = editor.getByTestId("press-release-text");
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toContain("6th session");
    expect((await text.inputValue()).length).toBeGreaterThan(200);

    await editor.getByTestId("press-release-language").getByText("Russian").click();
    await editor.getByTestId("press-release-load").click();
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toMatch(/заседани/);
    expect(await text.inputValue()).toMatch(/[А-Яа-я]{5,}/);

    await title.fill("Итоги 6-го заседания комиссии");
    const docx = await download(page, "press-release-docx");
    expect(docx.file.suggestedFilename()).toMatch(/\.docx$/);
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await expectVisible(editor.getByText("Downloaded"));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("calendar subscriptions", () => {
  it("creates a commission's feed URL that serves text/calendar, lists it and revokes it", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto(`/commissions/${commissionId}`);
    const feeds = page.getByTestId("calendar-feeds");
    await expectVisible(feeds);
    await feeds.getByTestId("create-feed").click();
    const url = await page.getByTestId("feed-url").inputValue({ timeout: 10_000 });
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics/);

    const calendar = await fetch(url);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get("content-type")).toMatch(/^text\/calendar/);
    const body = await calendar.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("BEGIN:VEVENT");
    await expectCount(feeds.getByTestId("feed"), 1);

    page.once("dialog", (dialog) => void dialog.accept());
    await feeds.getByTestId("revoke-feed").click();
    await expectCount(feeds.getByTestId("feed"), 0);
    await expectContainsText(feeds.getByTestId("revoked-count"), "1 revoked subscription");
    expect((await fetch(url)).status).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("creates an organisation's feed", async () => {
    const socar = (await server.getJson<{ items: { id: string }[] }>("/api/organizations?q=SOCAR&limit=1")).items[0];
    if (!socar) throw new Error("SOCAR is missing from the demo");
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "ru" });
    await page.goto(`/organizations/${socar.id}`);
    await page.getByTestId("calendar-feeds").getByTestId("create-feed").click();
    const url = await page.getByTestId("feed-url").inputValue({ timeout: 10_000 });
    const calendar = await fetch(url);
    expect(calendar.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toContain("BEGIN:VCALENDAR");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("a session's agreements as a spreadsheet", () => {
  it("exports with the filters on screen", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto(`/sessions/${sixth.id}?sector=trade`);
    await page.getByTestId("commitment-item").first().waitFor();
    const href = (await page.getByTestId("session-export-csv").getAttribute("href")) ?? "";
    expect(href).toContain(`sessionId=${sixth.id}`);
    expect(href).toContain("sector=trade");
    const csv = await download(page, "session-export-csv");
    expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
    const trade = (await server.getJson<CommitmentPage>(`/api/commitments?sessionId=${sixth.id}&sector=trade`)).items;
    // The header and one line per trade agreement (no text of the demo spans lines).
    expect(csv.bytes.toString("utf8").trim().split(/\r?\n/)).toHaveLength(trade.length + 1);

    await page.getByTestId("filter-status").selectOption("late");
    await expect
      .poll(() => page.getByTestId("session-export-xlsx").getAttribute("href"))
      .toMatch(/overdue=true.*sector=trade|sector=trade.*overdue=true/);
    const xlsx = await download(page, "session-export-xlsx");
    expect(xlsx.file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("imports a file: row errors first, then a preview of the changes, then the import", async () => {
    const exported = await server.fetch(`/api/commitments/export.csv?sessionId=${sixth.id}&lang=en`);
    const csv = await exported.text();
    const original = "Organise reciprocal business missions involving the business communities of both countries";
    expect(csv).toContain(original);
    const changed = csv.replace(original, `${original} and their regions`);
    const broken = csv.replace(/,trade,/, ",nonsense,");

    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openSession(page);
    await page.getByTestId("import-commitments").click();
    const dialog = page.getByTestId("commitments-import");
    await expectVisible(dialog);

    await dialog.getByTestId("commitments-file").setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(broken),
    });
    const errors = dialog.getByTestId("row-error");
    await expectCount(errors, 1);
    const cells = await errors.first().locator("td").allTextContents();
    expect(cells.slice(0, 2)).toEqual(["2", "Sector"]);
    expect(cells[2]).toContain("must be one of");

    await dialog.getByTestId("commitments-file").setInputFiles({
      name: "changed.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(changed),
    });
    await expectContainsText(dialog.getByTestId("import-preview-summary"), "updated: 1");
    await expectCount(dialog.getByTestId("row-change"), 1);
    await expectContainsText(dialog.getByTestId("row-change"), "Organise reciprocal business missions");
    await dialog.getByTestId("confirm-import").click();
    await expectVisible(dialog.getByTestId("import-written"));
    await dialog.getByRole("button", { name: "Close" }).click();
    await expectVisible(page.getByText(`${original} and their regions`));
    // The browser notes the rejected file's 400 as a console error; nothing else went wrong.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });
});

describe("on a phone (375 px)", () => {
  it("the documents section and the feeds fit the width", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "ru",
      viewport: { width: 375, height: 740 },
    });
    await openSession(page);
    await expectVisible(page.getByTestId("protocol-pdf"));
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);
    await page.goto(`/commissions/${commissionId}`);
    await page.getByTestId("calendar-feeds").getByTestId("create-feed").click();
    await expectVisible(page.getByTestId("feed-url"));
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await context.close();
  });
});
