// Screenshots of documents in and out: `npm run build && node e2e/take-import-screenshots.ts [dir]`.
// docs/screenshot-import.png is the import page in English on a desktop after a press release was read, with an
// agreement pointed at (its words marked in the source); the phone views and the session's documents go to [dir].
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { CommissionPage } from "../src/shared/api/commissions.ts";
import type { SessionList } from "../src/shared/api/sessions.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { PRESS_RELEASE } from "./support/documents.ts";
import { startTestServer } from "./support/server.ts";

const outDir = process.argv[2] ?? "/tmp/igc-screens";
await mkdir(outDir, { recursive: true });
const source = join(outDir, "kazakhstan-uzbekistan-12th-session.txt");
await writeFile(source, PRESS_RELEASE);
const server = await startTestServer();
const browser = await launchBrowser();

async function readDocument(page: Page): Promise<void> {
  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles(source);
  await page.getByTestId("import-review").waitFor();
  await page.waitForTimeout(300);
}

async function screens(page: Page, file: string, height: number, count: number): Promise<void> {
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? 375;
  for (let n = 0; n < count && n * height < total; n++) {
    const clip = { x: 0, y: n * height, width, height: Math.min(height, total - n * height) };
    await page.screenshot({ path: file.replace(/\.png$/, `-${n + 1}.png`), fullPage: true, clip });
  }
}

try {
  {
    const { context, page, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await readDocument(page);
    // Point at the commission: the card and its words in the source light up together.
    await page.getByTestId("fact-commission").hover();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId("fact-commission").hover();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join("docs", "screenshot-import.png") });
    await page.screenshot({ path: join(outDir, "import-en.png"), fullPage: true });
    console.log(`docs/screenshot-import.png${problems.length ? `  PROBLEMS: ${problems.join("; ")}` : ""}`);
    await context.close();
  }
  for (const lang of ["ru", "en"] as const) {
    const viewport = { width: 375, height: 740 };
    const { context, page, problems } = await openPage(browser, { baseURL: server.url, language: lang, viewport });
    await page.goto("/import");
    await page.screenshot({ path: join(outDir, `import-choose-${lang}-phone.png`) });
    await readDocument(page);
    await screens(page, join(outDir, `import-${lang}-phone.png`), 1400, 6);
    console.log(`import-${lang}-phone${problems.length ? `  PROBLEMS: ${problems.join("; ")}` : ""}`);
    await context.close();
  }
  {
    const { items } = await server.getJson<CommissionPage>("/api/commissions");
    const commission = items[0];
    if (!commission) throw new Error("The demo commission is missing");
    const sessions = await server.getJson<SessionList>(`/api/commissions/${commission.id}/sessions`);
    const sixth = sessions.items.find((s) => s.number === 6);
    if (!sixth) throw new Error("The 6th session is missing");
    const { context, page, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto(`/sessions/${sixth.id}`);
    await page.getByTestId("session-exports").waitFor();
    await page.getByTestId("session-exports").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, "session-documents-en.png") });
    await page.getByTestId("open-press-release").click();
    await page.getByTestId("press-release-title").waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(outDir, "press-release-en.png") });
    await page.keyboard.press("Escape");
    await page.getByTestId("import-commitments").click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(outDir, "commitments-import-en.png") });
    await page.keyboard.press("Escape");
    await page.goto(`/commissions/${commission.id}`);
    await page.getByTestId("calendar-feeds").getByTestId("create-feed").click();
    await page.getByTestId("feed-url").waitFor();
    await page.getByTestId("calendar-feeds").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outDir, "calendar-feeds-en.png") });
    console.log(`session documents${problems.length ? `  PROBLEMS: ${problems.join("; ")}` : ""}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  await rm(source, { force: true });
}
