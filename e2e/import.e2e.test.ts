// Journey 1 with a document of our own (issue 5, "must show"): a press release of a commission that is not in the
// demo is imported through the page, one field is corrected in the draft, the draft is accepted, and the records
// are found on the commission and session pages. Then the bad inputs: HTML with scripts, an empty file, a cancel.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import { PASTED_RU, PRESS_RELEASE } from "./support/documents.ts";
import { expectContainsText, expectCount, expectText, expectValue, expectVisible, textOf } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

// A saved web page: scripts, an event handler and markup written as text must all stay inert.
const HOSTILE_HTML = `<!doctype html><html><head><title>Press release</title>
<script>window.__igcPwned = true; alert("script ran");</script></head>
<body onload="alert('onload ran')">
<h1>Astana hosts the 5th session of the Kazakhstan–Azerbaijan Intergovernmental Commission</h1>
<p>On 3 March 2025 Astana hosted the 5th session of the Intergovernmental Commission between the Republic of Kazakhstan and the Republic of Azerbaijan.</p>
<p>The sides agreed to increase cargo traffic on the Trans-Caspian route. &lt;img src=x onerror="window.__igcPwned=true;alert(3)"&gt;</p>
<img src="x" onerror="window.__igcPwned = true; alert('img ran')">
<script>document.title = "pwned"; window.__igcPwned = true;</script>
</body></html>`;

let server: TestServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  [server, browser, dir] = await Promise.all([
    startTestServer(),
    launchBrowser(),
    mkdtemp(join(tmpdir(), "igc-import-e2e-")),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writeTemp(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The draft's agreement card whose text contains `fragment`. */
async function commitmentCard(page: Page, fragment: string): Promise<Locator> {
  const cards = page.getByTestId("draft-commitment");
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    if ((await card.getByTestId("commitment-text").inputValue()).includes(fragment)) return card;
  }
  throw new Error(`No agreement in the draft contains «${fragment}»`);
}

/** Problems except the browser's own note on a 4xx answer, which is what a bad file should get. */
function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/status of 4\d\d/.test(p));
}

/**
 * The API's 4xx answers a page gets, by path. The browser logs each as a console error without its address, so the
 * test records them to tell an expected one from a fault.
 */
function recordFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  return failures;
}

describe("importing a press release", () => {
  it("reads an uploaded file, shows the facts in the text, takes a correction and creates the records", async () => {
    const file = await writeTemp("kazakhstan-uzbekistan-12th-session.txt", PRESS_RELEASE);
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    const failures = recordFailures(page);
    await page.goto("/");
    await page.getByTestId("nav-import").click();
    await expectText(page.getByRole("heading", { level: 1 }), "Import a protocol or press release");

    await page.getByTestId("import-file").setInputFiles(file);
    await expectVisible(page.getByTestId("import-review"));
    await expectText(page.getByTestId("import-source-name"), "kazakhstan-uzbekistan-12th-session.txt");
    await expectText(page.getByTestId("import-language"), "English");

    // The source is shown with its facts highlighted: the co-chairs, the session, each agreement.
    const source = page.getByTestId("import-source");
    await expectContainsText(source, "Serik Zhumangarin");
    expect(await page.getByTestId("source-fact").count()).toBeGreaterThanOrEqual(10);
    await expectVisible(source.locator("mark", { hasText: "Jamshid Khodjaev" }));
    await expectVisible(source.locator('mark[data-kind="commitments"]').first());

    // The draft: the session, two co-chairs, five agreements in three sectors, the next session in Kazakhstan.
    await expectValue(page.getByTestId("session-number"), "12");
    await expectValue(page.getByTestId("session-city"), "Tashkent");
    await expectCount(page.getByTestId("draft-co-chair"), 2);
    await expectCount(page.getByTestId("draft-commitment"), 5);
    const next = page.getByTestId("fact-next-session");
    await expectValue(next.getByRole("combobox", { name: "Host country" }), "KZ");
    expect(await next.getByTestId("via-diplomatic-channels").isChecked()).toBe(true);

    // Pointing at an agreement in the draft marks its words in the source, and clicking a highlight the card.
    const transit = await commitmentCard(page, "electricity transit");
    await transit.hover();
    await expectContainsText(page.locator("mark.is-active").first(), "electricity transit");
    await source.locator("mark", { hasText: "freight vehicles" }).click();
    await expectContainsText(page.locator('[data-testid="draft-commitment"].is-active'), "Agreement");
    expect(await (await commitmentCard(page, "freight vehicles")).getAttribute("class")).toContain("is-active");

    // The correction: the industrial cooperation centre is a trade item of the protocol (the reader may say
    // industry), the fruit item is widened, and the commission gets its proper name.
    const centre = await commitmentCard(page, "Central Asia");
    await centre.getByRole("combobox", { name: "Sector" }).selectOption("trade");
    const fruit = await commitmentCard(page, "fresh fruit");
    const fruitText = fruit.getByTestId("commitment-text");
    await fruitText.fill("simplify phytosanitary procedures for exports of fresh fruit and vegetables");
    const commissionName = "Kazakhstan–Uzbekistan Intergovernmental Commission on Economic Cooperation";
    await page
      .getByTestId("fact-commission")
      .getByRole("textbox", { name: "Name of the commission" })
      .fill(commissionName);

    await page.getByTestId("accept-import").click();
    const summary = page.getByTestId("import-summary");
    await expectVisible(summary);
    const created = (record: string) =>
      textOf(summary.locator(`tr[data-record="${record}"] [data-testid="created-count"]`));
    expect(await created("commissions")).toBe("1");
    expect(await created("commitments")).toBe("5");
    expect(await created("coChairs")).toBe("2");
    const commissionHref = await page.getByTestId("open-commission").getAttribute("href");
    const sessionHref = await page.getByTestId("open-session").getAttribute("href");
    expect(commissionHref).toMatch(/^\/commissions\/[0-9a-f-]{36}$/);
    expect(sessionHref).toMatch(/^\/sessions\/[0-9a-f-]{36}$/);

    // The session: the agreements under their sectors, the corrected sector and text among them.
    await page.getByTestId("open-session").click();
    await expectText(page.getByRole("heading", { level: 1 }), "12th session");
    await expectText(page.getByTestId("session-city"), "Tashkent");
    await expectCount(page.getByTestId("commitment-item"), 5);
    const group = (sector: string) => page.locator(`[data-testid="sector-group"][data-sector="${sector}"]`);
    await expectCount(page.getByTestId("sector-group"), 3);
    await expectText(group("trade").getByTestId("sector-heading"), "Trade");
    await expectCount(group("trade").getByTestId("commitment-item"), 2);
    await expectContainsText(group("trade"), "Central Asia");
    await expectContainsText(group("trade"), "exports of fresh fruit and vegetables");
    await expectCount(group("energy").getByTestId("commitment-item"), 2);
    await expectCount(group("transport").getByTestId("commitment-item"), 1);
    expect(await page.locator('[data-testid="sector-group"][data-sector="industry"]').count()).toBe(0);

    // The commission: its corrected name, its two countries, and the 13th session in Kazakhstan, dates to be
    // agreed through diplomatic channels.
    await page.getByTestId("commission-link").click();
    expect(new URL(page.url()).pathname).toBe(commissionHref);
    await expectContainsText(page.getByRole("heading", { level: 1 }), commissionName);
    await expectContainsText(page.locator("main"), "Kazakhstan");
    await expectContainsText(page.locator("main"), "Uzbekistan");
    await expectContainsText(page.getByTestId("next-session-link"), "13th session");
    await expectText(page.getByTestId("next-session-host"), "Kazakhstan");
    await expectContainsText(page.getByTestId("next-session-dates"), "diplomatic channels");
    // The imported session is the commission's first: the implementation report panel of the session page asks
    // for a report on an earlier session and gets 404 (monitoring's panel; see the report of this change).
    expect(failures.filter((f) => !/^404 \/api\/sessions\/[^/]+\/implementation-report$/.test(f))).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("reads pasted text in Russian", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "ru" });
    await page.goto("/import");
    await page.getByTestId("tab-text").click();
    await page.getByTestId("import-text").fill(PASTED_RU);
    await page.getByTestId("read-text").click();
    await expectVisible(page.getByTestId("import-review"));
    await expectText(page.getByTestId("import-language"), /^русский$/i);
    await expectVisible(page.getByTestId("import-source").locator("mark", { hasText: "Сулаймон Ашуров" }));
    await expectValue(page.getByTestId("session-number"), "9");
    await expectValue(page.getByTestId("session-city"), "Душанбе");
    await expectCount(page.getByTestId("draft-commitment"), 3);
    expect(await page.getByTestId("source-fact").count()).toBeGreaterThanOrEqual(6);

    // An agreement without text is not accepted: the message stands at the field, nothing is written.
    const second = page.getByTestId("draft-commitment").nth(1).getByTestId("commitment-text");
    await second.fill("");
    await page.getByTestId("accept-import").click();
    await expectVisible(page.getByTestId("accept-error"));
    await expectVisible(page.getByTestId("draft-commitment").nth(1).getByText("must not be empty"));
    expect(await second.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("import-summary").count()).toBe(0);

    // Removing an agreement strikes its words through in the source; "start over" goes back to the choice.
    const cards = page.getByTestId("draft-commitment");
    await cards.first().getByTestId("remove-fact").click();
    await expectCount(cards, 2);
    expect(await page.locator('mark[data-removed="true"]').count()).toBeGreaterThan(0);
    await page.getByTestId("start-over").click();
    await expectVisible(page.getByTestId("tab-file"));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a web page's text only: no script, handler or markup from the file runs", async () => {
    const file = await writeTemp("press-release.html", HOSTILE_HTML);
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto("/import");
    await page.getByTestId("import-file").setInputFiles(file);
    await expectVisible(page.getByTestId("import-review"));
    const source = page.getByTestId("import-source");
    await expectContainsText(source, "Trans-Caspian route");
    // Markup written as text in the page is shown as those characters, not turned into an element.
    await expectContainsText(source, '<img src=x onerror="window.__igcPwned=true;alert(3)">');
    expect(await source.locator("img, script, iframe, object").count()).toBe(0);
    expect(await textOf(source)).not.toContain("__igcPwned = true; alert(");
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __igcPwned?: boolean }).__igcPwned)).toBeUndefined();
    expect(await page.title()).not.toBe("pwned");
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows the server's message for an empty file, and the page stays usable", async () => {
    const file = await writeTemp("empty.txt", "");
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto("/import");
    await page.getByTestId("import-file").setInputFiles(file);
    await expectContainsText(page.getByTestId("import-error"), "The document is empty.");
    await expectContainsText(page.getByTestId("import-error"), "paste the text instead");
    await expectVisible(page.getByTestId("choose-file"));
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("shows progress while reading, and cancels", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    // A slow connection: the answer is held back until the test has seen the progress and cancelled.
    await page.route("**/api/imports/extract", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue().catch(() => undefined);
    });
    await page.goto("/import");
    await page.getByTestId("tab-text").click();
    await page.getByTestId("import-text").fill(PRESS_RELEASE);
    await page.getByTestId("read-text").click();
    const progress = page.getByTestId("import-progress");
    await expectVisible(progress);
    await expectContainsText(progress, "pasted-text.txt");
    expect(await progress.getByRole("progressbar").count()).toBe(1);
    await page.getByTestId("cancel-import").click();
    await expectVisible(page.getByTestId("tab-file"));
    await page.waitForTimeout(3500);
    // The answer that arrives after the cancel is dropped.
    expect(await page.getByTestId("import-review").count()).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it("fits a phone (375 px): the source above the draft, nothing scrolls sideways", async () => {
    const file = await writeTemp("phone.txt", PRESS_RELEASE);
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "ru",
      viewport: { width: 375, height: 740 },
    });
    await page.goto("/import");
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);
    await page.getByTestId("import-file").setInputFiles(file);
    await expectVisible(page.getByTestId("import-review"));
    const sourceBox = await page.getByTestId("import-source").boundingBox();
    const draftBox = await page.getByTestId("import-draft").boundingBox();
    expect(sourceBox && draftBox && sourceBox.y < draftBox.y).toBe(true);
    expect((await pageWidths(page)).scrollWidth).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await context.close();
  });
});
