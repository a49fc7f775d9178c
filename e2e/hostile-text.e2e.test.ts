// Text people type is data, never markup: an update, a comment and an agreement's wording that carry HTML and
// script are shown as the characters they are, nothing in them runs, and the audit page shows them as text too.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionPage } from "../src/shared/api/commissions.ts";
import type { Commitment, CommitmentPage } from "../src/shared/api/commitments.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { expectContainsText, expectVisible } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

const PAYLOADS = {
  update: `Met the ministry <img src=x onerror="window.__igcPwned='update'"> <b>bold?</b>`,
  comment: `<script>window.__igcPwned='comment'</script>Which hall? <a href="javascript:alert(1)">here</a>`,
  wording: `Hold a forum <svg onload="window.__igcPwned='wording'"></svg> in 2026`,
};

let server: TestServer;
let browser: Browser;
let target: Commitment;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const commission = (await server.getJson<CommissionPage>("/api/commissions")).items[0];
  const page = await server.getJson<CommitmentPage>(`/api/commitments?commissionId=${commission?.id}&limit=1`);
  const first = page.items[0];
  if (!first) throw new Error("The demo has no agreements");
  const send = async (path: string, method: string, body: unknown) => {
    const res = await server.fetch(path, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  target = (await send(`/api/commitments/${first.id}`, "PATCH", {
    version: first.version,
    text: { ...first.text, en: PAYLOADS.wording },
  })) as Commitment;
  await send(`/api/commitments/${first.id}/updates`, "POST", {
    text: PAYLOADS.update,
    status: "in_progress",
    progress: 5,
  });
  await send(`/api/commitments/${first.id}/comments`, "POST", { text: PAYLOADS.comment });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("hostile text", () => {
  it("shows an update, a comment and an agreement's wording as text, and runs none of it", async () => {
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto(`/commitments/${target.id}`);
    await expectVisible(page.getByTestId("history-entry").first());
    await expectContainsText(page.locator("main"), PAYLOADS.update);
    await expectContainsText(page.getByTestId("comment").first(), PAYLOADS.comment);
    await expectContainsText(page.locator("main"), PAYLOADS.wording);
    expect(
      await page.locator("main img[src='x'], main svg[onload], main script, main a[href^='javascript:']").count(),
    ).toBe(0);

    await page.goto("/audit?action=commitment.update");
    await expectContainsText(page.getByTestId("audit-event").first(), PAYLOADS.wording);
    expect(await page.locator("main svg[onload]").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __igcPwned?: string }).__igcPwned)).toBeUndefined();
    await context.close();
  });
});
