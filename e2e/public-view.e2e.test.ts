import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicAgreementPage, PublicCommissionList, PublicProgress } from "../src/shared/api/publication.ts";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import { expectContainsText, expectCount, expectPath, expectText, expectVisible, textOf } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

// The public view on a phone, without signing in: the demo commission is published with every part on.
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
let commissionId: string;
let firstAgreement: PublicAgreementPage["items"][number];
let progress: PublicProgress;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const { items } = await server.getJson<PublicCommissionList>("/api/public/commissions");
  const demo = items.find((c) => c.countries.includes("AZ") && c.countries.includes("KG"));
  if (!demo) throw new Error("The demo commission is not published");
  commissionId = demo.id;
  const page = await server.getJson<PublicAgreementPage>(`/api/public/commissions/${commissionId}/agreements?limit=1`);
  const first = page.items[0];
  if (!first) throw new Error("The demo commission publishes no agreement");
  firstAgreement = first;
  progress = await server.getJson<PublicProgress>(`/api/public/commissions/${commissionId}/progress`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the public view", () => {
  it("opens on a phone, leads to the demo commission and shows an agreement with its progress", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      viewport: PHONE,
      language: "en",
      signedIn: false,
    });
    await page.goto("/public");
    await expectText(page.getByRole("heading", { level: 1 }), "Published commissions");
    // The public frame: no secretariat navigation, no search.
    expect(await page.getByTestId("nav-menu").count()).toBe(0);
    expect(await page.getByTestId("nav-dashboard").count()).toBe(0);

    await page.getByTestId("public-commission-card").first().getByRole("link").click();
    await expectPath(page, `/public/commissions/${commissionId}`);
    await expectVisible(page.getByTestId("public-co-chair").first());

    const totals = page.getByTestId("public-progress-totals");
    await expectText(totals.getByTestId("public-count-total").locator("p").first(), String(progress.totals.total));
    await expectText(totals.getByTestId("public-count-done").locator("p").first(), String(progress.totals.done));

    const card = page.getByTestId("public-agreement").first();
    const text = firstAgreement.text.en ?? firstAgreement.text.ru ?? "";
    await expectContainsText(card.getByTestId("public-agreement-text"), text);
    const shown = firstAgreement.progress;
    if (!shown) throw new Error("The demo commission publishes progress, yet the agreement has none");
    await expectText(card.getByTestId("public-agreement-progress").getByTestId("progress-value"), `${shown.percent}%`);
    expect(await textOf(card.getByTestId("status"))).toContain(shown.status.replace("_", " "));

    // Nothing of the secretariat's: no edit buttons, and the page fits the phone's width.
    expect(await page.getByRole("button", { name: /edit|add|appoint|upload/i }).count()).toBe(0);
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("answers an unknown commission with the public not-found page", async () => {
    const { page, context } = await openPage(browser, {
      baseURL: server.url,
      viewport: PHONE,
      language: "en",
      signedIn: false,
    });
    await page.goto("/public/commissions/00000000-0000-4000-8000-000000000000");
    await expectVisible(page.getByTestId("public-not-found"));
    await expectCount(page.getByRole("link", { name: "All published commissions" }), 1);
    await context.close();
  });
});
