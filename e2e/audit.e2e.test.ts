// The audit log as the secretariat reads it: an agreement is reworded through the API, and the change is found on
// /audit by the name of whoever made it, with the old and the new wording side by side — shown as text, even when
// the wording looks like markup.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditPage } from "../src/shared/api/audit.ts";
import type { CommissionPage } from "../src/shared/api/commissions.ts";
import type { Commitment, CommitmentPage } from "../src/shared/api/commitments.ts";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import { expectContainsText, expectCount, expectPath, expectVisible, textOf } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

// Looks like markup on purpose: the page must show these characters, not render them.
const NEW_TEXT = "Open a <b>joint</b> trade house in Bishkek.";

let server: TestServer;
let browser: Browser;
/** The agreement as it was before the change. */
let original: Commitment;
let actor: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const { items } = await server.getJson<CommissionPage>("/api/commissions");
  const commission = items[0];
  if (!commission) throw new Error("The demo commission is missing");
  const page = await server.getJson<CommitmentPage>(`/api/commitments?commissionId=${commission.id}&limit=1`);
  const first = page.items[0];
  if (!first) throw new Error("The demo commission has no commitments");

  const response = await server.fetch(`/api/commitments/${first.id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ version: first.version, text: { ...first.text, en: NEW_TEXT } }),
  });
  if (!response.ok) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
  original = first;
  // Whoever the server attributed the change to (the signed-in account once sign-in is required).
  const audit = await server.getJson<AuditPage>(`/api/audit?entityId=${first.id}&action=commitment.update`);
  actor = audit.items[0]?.actor ?? "";
  if (!actor) throw new Error("The change left no audit event");
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the audit log", () => {
  it("finds a change by part of its author's name and shows the values before → after as text", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto("/");
    await page.getByTestId("nav-audit").click();
    await expectPath(page, "/audit");
    await expectVisible(page.getByTestId("audit-event").first());

    // Part of the name, in another case: the filter is "contains", case-insensitive.
    const part = actor.slice(1, Math.min(actor.length, 6)).toUpperCase();
    await page.getByTestId("audit-filter-actor").fill(part);
    await page.getByTestId("audit-filter-action").fill("commitment.update");
    await expect.poll(() => new URL(page.url()).searchParams.get("actor")).toBe(part);

    const event = page.getByTestId("audit-event").filter({ hasText: "commitment.update" });
    await expectCount(event, 1);
    const actors = page.getByTestId("audit-actor");
    await expectCount(actors, 1);
    expect(await textOf(actors.first())).toBe(actor);

    const change = event.getByTestId("audit-change").filter({ hasText: "text.en" });
    await expectContainsText(change, `text.en: ${original.text.en ?? "(empty)"} → ${NEW_TEXT}`);
    // Text, not markup: no <b> element came out of the stored wording.
    expect(await event.locator("b").count()).toBe(0);

    // The record links to its page.
    await event.getByTestId("audit-entity-link").click();
    await expectPath(page, `/commitments/${original.id}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads on a phone without scrolling sideways", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "ru",
      viewport: { width: 375, height: 740 },
    });
    await page.goto("/audit?action=commitment.update");
    const event = page.getByTestId("audit-event").first();
    await expectVisible(event);
    await expectContainsText(event, NEW_TEXT);
    await expectContainsText(page.locator("h1"), "Журнал изменений");
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(problems).toEqual([]);
    await context.close();
  });
});
