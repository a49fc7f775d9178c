// The commission record journey: from the commission page, by clicking links only, a person finds every fact of
// the seed's gold file (../shared/eval), and the forms answer bad input with a message at the field.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionDetail, CommissionPage } from "../src/shared/api/commissions.ts";
import { SECTOR_NAMES, type SectorCode } from "../src/shared/sectors.ts";
import { formatDate, formatDateRange } from "../src/web/format.ts";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import { expectContainsText, expectCount, expectPath, expectText, expectVisible, textOf } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

type Gold = {
  session: { number: number; date: string; city: string; host_country: string };
  co_chairs: { name: string; country: string; position: string }[];
  commitments: { sector: string; sector_optional?: string[]; keys: string[] }[];
  programmes: { keys: string[]; start_year: number; end_year: number; sector?: string }[];
  figures: { value: number; unit: string; keys: string[]; period: string }[];
  documents_signed: { keys: string[]; signatories: string[] }[];
  next_session: { number: number; country: string; via_diplomatic_channels: boolean };
  site_visits: { keys: string[]; date: string }[];
};

const GOLD_FILE = resolve("..", "shared", "eval", "az-kg-igc-6th-session-2025-12-08.gold.json");
const gold = JSON.parse(readFileSync(GOLD_FILE, "utf8")) as Gold;

/** The gold file's matching rule: lower case, ё→е, one kind of dash, no quotes, single spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/[«»"“”„']/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const has = (text: string, keys: string[]) => keys.every((key) => normalise(text).includes(normalise(key)));

let server: TestServer;
let browser: Browser;
let commission: CommissionDetail;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const { items } = await server.getJson<CommissionPage>("/api/commissions");
  const found = items.find((c) => c.countries.includes("AZ") && c.countries.includes("KG"));
  if (!found) throw new Error("The demo Azerbaijan–Kyrgyzstan commission is missing");
  commission = await server.getJson<CommissionDetail>(`/api/commissions/${found.id}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
}

async function openCommission(page: Page): Promise<void> {
  await page.goto(`/commissions/${commission.id}`);
  await page.getByTestId("side").first().waitFor();
}

describe("the commission record, found by clicking from the commission page", () => {
  it("shows every fact of the 6th session's gold file", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "ru" });
    await openCommission(page);

    // Both co-chairs, each on their side's card, with their position.
    for (const coChair of gold.co_chairs) {
      const side = page.locator(`[data-testid="side"][data-side="${coChair.country}"]`);
      const entry = side.getByTestId("co-chair").first();
      await expectContainsText(entry, coChair.name);
      expect(has(await textOf(entry.getByTestId("co-chair-position")), [coChair.position])).toBe(true);
    }

    // The programme 2024–2029 and the energy roadmap 2024–2025, with their progress.
    for (const programme of gold.programmes) {
      const cards = await texts(page.getByTestId("programme"));
      const card = cards.find((text) => has(text, programme.keys));
      expect(card, `programme ${programme.keys.join(" ")}`).toBeDefined();
      if (programme.sector) expect(card).toContain(SECTOR_NAMES[programme.sector as SectorCode].ru);
      expect(card).toMatch(/\d+(,\d)?%/);
    }

    // Trade turnover: the figure reported at the session (more than +94%, January–October 2025) and the growth
    // computed from the monthly figures.
    for (const figure of gold.figures) {
      const cards = await texts(page.getByTestId("figure"));
      const card = cards.find((text) => has(text, figure.keys) && text.includes(`+${figure.value}%`));
      expect(card, `figure ${figure.value}${figure.unit}`).toBeDefined();
      expect(card).toContain(
        formatDate(`${figure.period.slice(0, 7)}-01`, "ru")
          .split(" ")[1]
          ?.slice(0, 3) ?? "",
      );
    }
    await expectText(page.getByTestId("growth-value").first(), /^\+94,7% за янв\.–окт\. 2025 к янв\.–окт\. 2024$/);
    await page.getByTestId("trade-chart").waitFor();

    // The next session: the 7th, in Kyrgyzstan, dates to be set via diplomatic channels.
    const next = page.getByTestId("next-session");
    await expectContainsText(next, `${gold.next_session.number}-е заседание`);
    await expectText(next.getByTestId("next-session-host"), "Кыргызстан");
    expect(gold.next_session.via_diplomatic_channels).toBe(true);
    await expectText(next.getByTestId("next-session-dates"), "даты будут согласованы по дипломатическим каналам");

    // A programme's own page, and back.
    await page.getByRole("link", { name: /Программа сотрудничества на 2024–2029/ }).click();
    await expectText(page.getByTestId("programme-years"), "2024–2029");
    await expectCount(page.getByTestId("measure"), 5);
    await page.getByTestId("commission-link").click();
    await page.getByTestId("side").first().waitFor();

    // The 6th session: its date, city and format.
    await page
      .getByRole("link", { name: `${gold.session.number}-е заседание`, exact: true })
      .first()
      .click();
    await expectText(page.getByRole("heading", { level: 1 }), "6-е заседание");
    await expectText(page.getByTestId("session-dates"), formatDate(gold.session.date, "ru"));
    await expectText(page.getByTestId("session-city"), gold.session.city);
    const kinds = await page.getByTestId("event").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-kind")));
    expect(kinds.indexOf("co_chairs_meeting")).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf("co_chairs_meeting")).toBeLessThan(kinds.indexOf("extended_session"));

    // The four site visits with their dates.
    const visits = await texts(page.locator('[data-testid="event"][data-kind="site_visit"]'));
    expect(visits).toHaveLength(gold.site_visits.length);
    const unmatchedVisits = [...visits];
    for (const visit of gold.site_visits) {
      const i = unmatchedVisits.findIndex(
        (text) => has(text, visit.keys) && text.includes(formatDate(visit.date, "ru")),
      );
      expect(i, `site visit ${visit.keys.join(" ")} on ${visit.date}`).toBeGreaterThanOrEqual(0);
      unmatchedVisits.splice(i, 1);
    }

    // The signed protocol and both signatories.
    for (const signed of gold.documents_signed) {
      const documents = page.getByTestId("document");
      await documents.first().waitFor();
      const all = await texts(documents);
      const index = all.findIndex(
        (text) => has(text, signed.keys) && signed.signatories.every((s) => text.includes(s)),
      );
      expect(index, `signed ${signed.keys.join(" ")}`).toBeGreaterThanOrEqual(0);
      const signatories = await texts(documents.nth(index).getByTestId("signatory"));
      expect(signatories.sort()).toEqual([...signed.signatories].sort());
    }

    // Each of the 33 agreements under the heading of its sector (one page item per gold item).
    await expectCount(page.getByTestId("commitment-item"), gold.commitments.length);
    const groups = page.getByTestId("sector-group");
    const bySector = new Map<string, string[]>();
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const sector = (await group.getAttribute("data-sector")) ?? "";
      expect(await textOf(group.getByTestId("sector-heading"))).toBe(SECTOR_NAMES[sector as SectorCode].ru);
      bySector.set(sector, await texts(group.getByTestId("commitment-item")));
    }
    for (const item of gold.commitments) {
      const sectors = [item.sector, ...(item.sector_optional ?? [])];
      let found = false;
      for (const sector of sectors) {
        const list = bySector.get(sector) ?? [];
        const i = list.findIndex((text) => has(text, item.keys));
        if (i >= 0) {
          list.splice(i, 1);
          found = true;
          break;
        }
      }
      expect(found, `agreement ${item.keys.join(" ")} under ${sectors.join("/")}`).toBe(true);
    }

    // Back to the commission, and on to the 7th session: Kyrgyzstan, dates via diplomatic channels.
    await page.getByTestId("commission-link").click();
    await page.getByTestId("next-session-link").click();
    await expectText(page.getByRole("heading", { level: 1 }), "7-е заседание");
    await expectText(page.getByTestId("session-dates"), "даты будут согласованы по дипломатическим каналам");
    await expectContainsText(page.getByTestId("scheduling-log"), "по дипломатическим каналам");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("finds SOCAR from the search box and opens the agreement", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.getByTestId("search-open").click();
    await page.getByTestId("search-input").fill("S");
    await expectVisible(page.getByText("Type at least 2 characters."));
    await page.getByTestId("search-input").fill("SOCAR");
    const hit = page.getByTestId("search-hit-commitments").filter({ hasText: "6th session" });
    await expectContainsText(hit, "SOCAR");
    await expectVisible(page.getByTestId("search-hit-organizations").filter({ hasText: "SOCAR" }));
    // Keyboard: down from the box reaches the first hit.
    await page.getByTestId("search-input").press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "search-hit-commitments",
    );
    await hit.click();
    await expectText(page.getByRole("heading", { level: 1 }), "Agreement 7.2");
    await expectContainsText(page.getByTestId("commitment-text"), "SOCAR");
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** The message Mantine shows under a field (its aria-describedby), or "" when there is none. */
async function fieldError(field: Locator): Promise<string> {
  const ids = (await field.getAttribute("aria-describedby")) ?? "";
  const page = field.page();
  for (const id of ids.split(/\s+/).filter(Boolean)) {
    if (!id.endsWith("-error")) continue;
    return textOf(page.locator(`[id="${id}"]`));
  }
  return "";
}

async function expectFieldError(field: Locator, message: string): Promise<void> {
  await expect.poll(() => fieldError(field), { timeout: 10_000 }).toBe(message);
}

async function postJson(path: string, method: string, body: unknown) {
  const response = await server.fetch(path, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
}

describe("forms", () => {
  it("reject bad input with the server's message at the field, caught in the browser or by the server", async () => {
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.getByRole("link", { name: "6th session", exact: true }).first().click();
    await page.getByTestId("commitment-item").first().waitFor();

    // An agreement without text: the browser checks the same contract the server does.
    await page.getByTestId("add-agreement").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Sector").selectOption("energy");
    await dialog.getByRole("button", { name: "Add an agreement" }).click();
    const text = dialog.getByRole("textbox", { name: "Text (Russian)" });
    await expectFieldError(text, "give the text in at least one language (ru, en or az)");
    const sixth = commission.sessions.find((s) => s.number === 6);
    const api = await postJson("/api/commitments", "POST", { sessionId: sixth?.id, sector: "energy", text: {} });
    expect(api.status).toBe(400);
    expect(api.body.error?.message).toBe("Invalid body: text: give the text in at least one language (ru, en or az)");

    // A deadline that is no date: the server's words at the field.
    await text.fill("Провести консультации по энергетическому коридору");
    await dialog.getByLabel("Deadline").selectOption("year");
    await dialog.getByRole("textbox", { name: "Year" }).fill("20x6");
    await dialog.getByRole("button", { name: "Add an agreement" }).click();
    await expectFieldError(
      dialog.getByRole("textbox", { name: "Year" }),
      "must be a date (2026-06-30), a month (2026-06), a quarter (2026-Q4), a year (2026) or 'ongoing'",
    );

    // Fixed, it is saved and appears under its sector.
    await dialog.getByRole("textbox", { name: "Year" }).fill("2026");
    await dialog.getByRole("textbox", { name: "Item number" }).fill("7.4");
    // The responsible organisations of each side, found by a search over names and aliases.
    const azOrganisation = dialog.getByRole("combobox", { name: "Add an organisation of Azerbaijan" });
    await azOrganisation.fill("SOCAR");
    await page.getByRole("option", { name: /SOCAR/ }).click();
    await expectContainsText(dialog.getByTestId("picked-organization"), "SOCAR");
    await expect.poll(() => azOrganisation.inputValue()).toBe("");
    await dialog.getByRole("button", { name: "Add an agreement" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    const energy = page.locator('[data-testid="sector-group"][data-sector="energy"]');
    const added = energy.getByTestId("commitment-item").filter({ hasText: "Провести консультации" });
    await expectContainsText(added, "State Oil Company of the Azerbaijan Republic (SOCAR)");

    // A session number already taken: only the server knows, and its 409 message stands at the field.
    await page.getByTestId("commission-link").click();
    await page.getByTestId("next-session-link").click();
    await page.getByTestId("edit-session").click();
    const number = page.getByRole("dialog").getByRole("textbox", { name: "Number" });
    await number.fill("6");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expectFieldError(number, "this commission already has a session 6.");
    const seventh = commission.sessions.find((s) => s.number === 7);
    const conflict = await postJson(`/api/sessions/${seventh?.id}`, "PATCH", { version: 1, number: 6 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error?.message).toBe("number: this commission already has a session 6.");
    await context.close();
  });

  it("records the exchange of notes that fixes the 7th session's dates", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.getByTestId("next-session-link").click();
    await page.getByTestId("add-schedule-step").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Step").selectOption("agreement");
    await dialog.getByLabel("From").selectOption("KG");
    await dialog.getByLabel("Date of the note").fill("2026-03-02");
    await dialog.getByRole("textbox", { name: "Note reference" }).fill("No. 12/345");
    await dialog.getByRole("button", { name: "Record" }).click();
    await expectFieldError(dialog.getByLabel("Proposed first day"), "is required when the dates are agreed");
    await dialog.getByLabel("Proposed first day").fill("2026-05-20");
    await dialog.getByLabel("Proposed last day").fill("2026-05-21");
    await dialog.getByRole("button", { name: "Record" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    await expectContainsText(page.getByTestId("schedule-step"), "No. 12/345");
    await expectText(
      page.getByTestId("session-dates"),
      formatDateRange("2026-05-20", "2026-05-21", "en").replace(/\s+/g, " "),
    );
    await expectContainsText(page.locator("h1 + *"), "dates agreed");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("adds a delegation member, an event, a measure, and imports trade figures after a preview", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.getByTestId("next-session-link").click();

    await page.getByTestId("add-delegation-member").click();
    let dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Add" }).click();
    await expectFieldError(dialog.getByRole("combobox", { name: "Person" }), "give a person or an organisation");
    await dialog.getByRole("combobox", { name: "Person" }).fill("Torobaev");
    await page.getByRole("option", { name: /Bakyt Torobaev/ }).click();
    await dialog.getByLabel("Side").selectOption("KG");
    await dialog.getByLabel("Role").selectOption("head");
    await dialog.getByRole("button", { name: "Add" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    await expectContainsText(page.locator('[data-testid="delegation"][data-side="KG"]'), "Bakyt Torobaev");

    await page.getByTestId("add-event").click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Kind").selectOption("business_forum");
    await dialog.getByRole("textbox", { name: "Event (English)" }).fill("Kyrgyz–Azerbaijani business forum");
    await dialog.getByLabel("Date").fill("2026-05-21");
    await dialog.getByRole("button", { name: "Add" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    await expectVisible(page.getByTestId("event").filter({ hasText: "Kyrgyz–Azerbaijani business forum" }));

    await page.getByTestId("commission-link").click();
    await page.getByRole("link", { name: /Energy Roadmap/ }).click();
    await page.getByTestId("add-measure").click();
    dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Measure (English)" }).fill("Joint study of a power line");
    await dialog.getByRole("textbox", { name: "Due year" }).fill("1900");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectFieldError(dialog.getByRole("textbox", { name: "Due year" }), "must be a year between 1990 and 2100");
    await dialog.getByRole("textbox", { name: "Due year" }).fill("2025");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectVisible(page.getByTestId("measure").filter({ hasText: "Joint study of a power line" }));

    await page.getByTestId("commission-link").click();
    await page.getByTestId("import-observations").click();
    dialog = page.getByRole("dialog");
    const csv = dialog.getByTestId("import-csv");
    await csv.fill(
      "indicator,reporter,period,value,unit\ntrade_turnover,AZ,2025-11,5300,USD thousand\ntrade_turnover,XX,2025-13,-1,USD thousand",
    );
    await dialog.getByTestId("import-preview-button").click();
    const rowErrors = dialog.getByTestId("import-row-errors");
    await expectContainsText(rowErrors, "3");
    expect(await rowErrors.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    await csv.fill("indicator,reporter,period,value,unit\ntrade_turnover,AZ,2025-11,5300,USD thousand");
    await dialog.getByTestId("import-preview-button").click();
    await expectContainsText(dialog.getByTestId("import-preview"), "1 new");
    await dialog.getByTestId("import-confirm").click();
    await expectContainsText(dialog.getByTestId("import-preview"), "Imported: 1 new");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expectText(page.getByTestId("growth-value").first(), /Jan–Nov 2025 vs Jan–Nov 2024$/);
    // The browser logs the rejected import's 400 itself; nothing else may go wrong.
    expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    await context.close();
  });
});

describe("on a phone (375×740)", () => {
  it("the commission page fits the width and the search opens from the header", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "ru",
      viewport: { width: 375, height: 740 },
    });
    await openCommission(page);
    await page.getByTestId("trade-chart").waitFor();
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);
    await page.getByTestId("search-open-phone").click();
    await page.getByTestId("search-input").fill("Шарифов");
    await page.getByTestId("search-hit-people").first().click();
    await expectPath(page, `/people/${commission.coChairs.find((c) => c.side === "AZ")?.personId}`);
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("more forms", () => {
  it("uploads a document with its file and downloads it again", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.getByRole("link", { name: "6th session", exact: true }).first().click();
    await page.getByTestId("upload-document").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Kind", { exact: true }).selectOption("press_release");
    await dialog.getByRole("button", { name: "Upload a document" }).click();
    await expectFieldError(
      dialog.getByRole("textbox", { name: "Title (Russian)" }),
      "give the text in at least one language (ru, en or az)",
    );
    await dialog.getByRole("textbox", { name: "Title (English)" }).fill("Press release on the 6th session");
    const content = "Press release: the 6th session of the Commission was held in Baku on 8 December 2025.\n";
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "press-release.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(content),
    });
    await dialog.getByRole("button", { name: "Upload a document" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    const card = page.getByTestId("document").filter({ hasText: "Press release on the 6th session" });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      card.getByTestId("document-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("press-release.txt");
    const path = await download.path();
    expect(readFileSync(path, "utf8")).toBe(content);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("edits an agreement and says so when someone else changed it first", async () => {
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.getByRole("link", { name: "6th session", exact: true }).first().click();
    await page
      .getByRole("link", { name: /SOCAR and Kyrgyzneftegaz/ })
      .first()
      .click();
    await expectText(page.getByRole("heading", { level: 1 }), "Agreement 7.2");
    const id = new URL(page.url()).pathname.split("/").pop() ?? "";
    await page.getByTestId("edit-commitment").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Deadline", { exact: true }).selectOption("quarter");
    await dialog.getByLabel("Quarter", { exact: true }).selectOption("4");
    await dialog.getByRole("textbox", { name: "Year" }).fill("2026");

    // Meanwhile another secretariat changes the item.
    const current = await server.getJson<{ version: number }>(`/api/commitments/${id}`);
    const other = await postJson(`/api/commitments/${id}`, "PATCH", { version: current.version, itemNumber: "7.2a" });
    expect(other.status).toBe(200);

    await dialog.getByRole("button", { name: "Save" }).click();
    await expectVisible(dialog.getByTestId("form-conflict"));
    await expectText(page.getByRole("heading", { level: 1 }), "Agreement 7.2a");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    const saved = await server.getJson<{ deadline: string }>(`/api/commitments/${id}`);
    expect(saved.deadline).toBe("2026-Q4");
    await context.close();
  });

  it("appoints a new co-chair and keeps the earlier one on record", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    const side = page.locator('[data-testid="side"][data-side="AZ"]');
    await side.getByTestId("appoint-co-chair").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("A new person").click();
    await dialog.getByRole("button", { name: "Appoint" }).click();
    await expectFieldError(
      dialog.getByRole("textbox", { name: "Name (Russian)" }),
      "give the text in at least one language (ru, en or az)",
    );
    await dialog.getByRole("textbox", { name: "Name (Russian)" }).fill("Микаил Джаббаров");
    await dialog.getByRole("textbox", { name: "Name (English)" }).fill("Mikayil Jabbarov");
    await dialog
      .getByRole("textbox", { name: "Position (English)" })
      .fill("Minister of Economy of the Republic of Azerbaijan");
    await dialog.getByLabel("Term starts on").fill("2026-01-15");
    await dialog.getByRole("button", { name: "Appoint" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    await expectContainsText(side.getByTestId("co-chair").first(), "Mikayil Jabbarov");
    await side.getByTestId("earlier-co-chairs").click();
    await expectContainsText(side, "Samir Sharifov");
    await expectContainsText(side, "14 January 2026");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("edits an organisation's aliases and merges a duplicate into it", async () => {
    const duplicate = await postJson("/api/organizations", "POST", {
      country: "AZ",
      kind: "company",
      name: { ru: "ГНКАР (дубликат)" },
      aliases: ["Azerbaijan State Oil Company"],
    });
    expect(duplicate.status).toBe(201);
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.getByTestId("search-open").click();
    await page.getByTestId("search-input").fill("SOCAR");
    await page.getByTestId("search-hit-organizations").first().click();
    await expectContainsText(page.getByRole("heading", { level: 1 }), "SOCAR");

    await page.getByTestId("edit-organization").click();
    let dialog = page.getByRole("dialog");
    const aliases = dialog.getByLabel("Other names and abbreviations");
    await aliases.fill("Госнефтекомпания");
    await aliases.press("Enter");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    await expectContainsText(page.getByTestId("aliases"), "Госнефтекомпания");

    await page.getByTestId("merge-organization").click();
    dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Merge" }).click();
    await expectFieldError(dialog.getByRole("combobox", { name: "The duplicate record" }), "is required");
    await dialog.getByRole("combobox", { name: "The duplicate record" }).fill("дубликат");
    await page.getByRole("option", { name: /ГНКАР \(дубликат\)/ }).click();
    await dialog.getByRole("button", { name: "Merge" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    await expectContainsText(page.getByTestId("aliases"), "Azerbaijan State Oil Company");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("adds a position to a person and a trade figure to the commission", async () => {
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openCommission(page);
    await page.locator('[data-testid="side"][data-side="KG"]').getByRole("link", { name: "Bakyt Torobaev" }).click();
    await page.getByTestId("add-position").click();
    let dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Position (English)" }).fill("Chairman of the Board of Trustees");
    await dialog.getByLabel("From", { exact: true }).fill("2026-03-01");
    await dialog.getByLabel("Until", { exact: true }).fill("2026-02-01");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectFieldError(dialog.getByLabel("Until", { exact: true }), "must not be before startsOn");
    await dialog.getByLabel("Until", { exact: true }).fill("");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectVisible(page.getByTestId("position").filter({ hasText: "Chairman of the Board of Trustees" }));

    await page.goBack();
    await page.getByTestId("add-observation").click();
    dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Period" }).fill("2025-13");
    await dialog.getByRole("textbox", { name: "Value" }).fill("4200");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectFieldError(
      dialog.getByRole("textbox", { name: "Period" }),
      "must be a month (2025-03), a quarter (2025-Q1) or a year (2025)",
    );
    await dialog.getByLabel("Reporting country").selectOption("KG");
    await dialog.getByRole("textbox", { name: "Period" }).fill("2025-10");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expectCount(page.getByRole("dialog"), 0);
    await expectVisible(page.locator('[data-testid="growth"][data-reporter="KG"]'));
    await expectContainsText(page.locator('[data-testid="growth"][data-reporter="KG"]'), "No growth figure");
    await context.close();
  });

  it("creates a commission from the home page", async () => {
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto("/");
    await page.getByTestId("create-commission").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Country 1").selectOption("AZ");
    await dialog.getByLabel("Country 2").selectOption("AZ");
    await dialog.getByRole("textbox", { name: "Official name (English)" }).fill("Azerbaijan–Georgia Commission");
    await dialog.getByRole("button", { name: "Create the commission" }).click();
    await expectFieldError(dialog.getByLabel("Country 1"), "must be two different countries");
    await dialog.getByLabel("Country 2").selectOption("GE");
    await dialog.getByRole("button", { name: "Create the commission" }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Azerbaijan–Georgia Commission");
    await expectContainsText(page.getByTestId("next-session"), "No session planned yet.");
    await context.close();
  });
});
