import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionPage } from "../src/shared/api/commissions.ts";
import type { Commitment, CommitmentPage } from "../src/shared/api/commitments.ts";
import type { SessionList, SessionSummary } from "../src/shared/api/sessions.ts";
import { SECTOR_NAMES, type SectorCode } from "../src/shared/sectors.ts";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import {
  expectContainsText,
  expectCount,
  expectPath,
  expectText,
  expectValue,
  expectVisible,
  htmlLang,
  textOf,
} from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

let server: TestServer;
let browser: Browser;
let sixth: SessionSummary;
let commitments: Commitment[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const { items } = await server.getJson<CommissionPage>("/api/commissions");
  const commission = items.find((c) => c.countries.includes("AZ") && c.countries.includes("KG"));
  if (!commission) throw new Error("The demo Azerbaijan–Kyrgyzstan commission is missing");
  const sessions = await server.getJson<SessionList>(`/api/commissions/${commission.id}/sessions`);
  const found = sessions.items.find((s) => s.number === 6);
  if (!found) throw new Error("The 6th session is missing");
  sixth = found;
  commitments = (await server.getJson<CommitmentPage>(`/api/commitments?sessionId=${sixth.id}&limit=500`)).items;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openSession(page: Page): Promise<void> {
  await page.goto(`/sessions/${sixth.id}`);
  await page.getByTestId("commitment-item").first().waitFor();
}

describe("the session page", () => {
  it("shows all 33 agreements of the 6th session under their sector headings", async () => {
    expect(commitments).toHaveLength(33);
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openSession(page);

    await expectText(page.getByRole("heading", { level: 1 }), "6th session");
    await expectCount(page.getByTestId("commitment-item"), 33);

    const sectors = [...new Set(commitments.map((c) => c.sector))];
    const groups = page.getByTestId("sector-group");
    expect(await groups.count()).toBe(sectors.length);
    let total = 0;
    for (const sector of sectors) {
      const group = page.locator(`[data-testid="sector-group"][data-sector="${sector}"]`);
      const expected = commitments.filter((c) => c.sector === sector).length;
      expect(await textOf(group.getByTestId("sector-heading"))).toBe(SECTOR_NAMES[sector as SectorCode].en);
      expect(await textOf(group.getByTestId("sector-count"))).toBe(String(expected));
      expect(await group.getByTestId("commitment-item").count()).toBe(expected);
      total += expected;
    }
    expect(total).toBe(33);

    // Protocol order inside a sector: trade items 1.1…1.4 although 1.4 stands after other sectors in the protocol.
    const trade = page.locator('[data-testid="sector-group"][data-sector="trade"]');
    expect(await trade.getByTestId("item-number").allTextContents()).toEqual(["1.1", "1.2", "1.3", "1.4"]);

    await expectVisible(page.getByText("SOCAR").first());
    expect(await page.getByTestId("late").count()).toBe(commitments.filter((c) => c.overdue).length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("switches between Russian and English and keeps the choice", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openSession(page);
    await expectVisible(page.getByRole("heading", { name: "Agreements of the protocol" }));
    expect(await htmlLang(page)).toBe("en");

    await page.getByTestId("language-switcher").getByText("RU", { exact: true }).click();
    await expectVisible(page.getByRole("heading", { name: "Договорённости протокола" }));
    await expectText(page.getByRole("heading", { level: 1 }), "6-е заседание");
    await expectText(page.getByTestId("sector-heading").first(), "Торговля");
    expect(await htmlLang(page)).toBe("ru");

    await page.reload();
    await expectVisible(page.getByRole("heading", { name: "Договорённости протокола" }));

    await page.getByTestId("language-switcher").getByText("EN", { exact: true }).click();
    await expectVisible(page.getByRole("heading", { name: "Agreements of the protocol" }));
    await expectText(page.getByTestId("sector-heading").first(), "Trade");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("posts a status update on an agreement and shows it after a reload", async () => {
    const target = commitments.find((c) => c.itemNumber === "1.3");
    if (!target?.text.en) throw new Error("Item 1.3 of the 6th session is missing");
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openSession(page);

    await page.getByRole("link", { name: target.text.en }).click();
    await expectText(page.getByRole("heading", { level: 1 }), "Agreement 1.3");
    await expectPath(page, `/commitments/${target.id}`);

    const note = `Working group met in Bishkek; information exchange agreed (${Date.now()})`;
    await page.getByRole("textbox", { name: "What has been done" }).fill(note);
    await page.getByRole("combobox", { name: "Status" }).selectOption("in_progress");
    await page.getByRole("textbox", { name: "Progress, %" }).fill("40");
    // No side: the secretariat's own update sets the status (a side's report waits for the secretariat to confirm).
    await page.getByRole("textbox", { name: "Author" }).fill("Bolot, Ministry of Economy and Commerce");
    await page.getByRole("button", { name: "Post the update" }).click();
    await expectVisible(page.getByTestId("update-posted"));

    await page.reload();
    const entry = page.getByTestId("history-entry").filter({ hasText: note });
    await expectVisible(entry);
    await expectText(entry.getByTestId("history-change"), /^not started, 0%\s*→\s*in progress, 40%$/);
    await expectContainsText(entry, "Bolot, Ministry of Economy and Commerce");
    await expectText(page.getByTestId("progress-value").first(), "40%");
    await expectContainsText(page.getByTestId("status").first(), "in progress");

    const saved = await server.getJson<Commitment>(`/api/commitments/${target.id}`);
    expect(saved).toMatchObject({ status: "in_progress", progress: 40 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("tells the user when someone else changed the agreement meanwhile, and reloads it", async () => {
    const target = commitments.find((c) => c.itemNumber === "2.1");
    if (!target) throw new Error("Item 2.1 of the 6th session is missing");
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto(`/commitments/${target.id}`);
    await page.getByRole("textbox", { name: "What has been done" }).waitFor();

    // Another secretariat posts first: the version this page read is now stale.
    const other = await server.fetch(`/api/commitments/${target.id}/updates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Joint event planned", status: "in_progress", progress: 10 }),
    });
    expect(other.status).toBe(201);

    await page.getByRole("textbox", { name: "What has been done" }).fill("My late update");
    await page.getByRole("button", { name: "Post the update" }).click();
    await expectVisible(page.getByTestId("update-conflict"));
    await expectVisible(page.getByTestId("history-entry").filter({ hasText: "Joint event planned" }));
    await expectValue(page.getByRole("combobox", { name: "Status" }), "in_progress");
    await expectValue(page.getByRole("textbox", { name: "What has been done" }), "My late update");
    await context.close();
  });

  it("shows the server's validation message", async () => {
    const target = commitments.find((c) => c.itemNumber === "3.1");
    if (!target) throw new Error("Item 3.1 of the 6th session is missing");
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto(`/commitments/${target.id}`);
    await page.getByRole("button", { name: "Post the update" }).click();
    await expectVisible(page.getByText("Describe what has been done"));

    // 20,001 characters pass the browser but not the server's limit of 20,000.
    await page.getByRole("textbox", { name: "What has been done" }).fill("x".repeat(20_001));
    await page.getByRole("button", { name: "Post the update" }).click();
    await expectContainsText(page.getByTestId("update-error"), "at most 20000 characters");
    await context.close();
  });
});

describe("on a phone (375×740)", () => {
  it("the pages fit the width without horizontal scrolling", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "ru",
      viewport: { width: 375, height: 740 },
    });
    await openSession(page);
    await expectCount(page.getByTestId("commitment-item"), 33);
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);

    await page.getByTestId("commission-link").click();
    await page.getByTestId("session-timeline-item").first().waitFor();
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);

    const first = commitments[0];
    if (!first) throw new Error("no commitment");
    await page.goto(`/commitments/${first.id}`);
    await page.getByTestId("update-form").waitFor();
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await context.close();
  });
});
