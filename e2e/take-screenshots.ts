// Screenshots for the README and for looking at the pages: `npm run build && node e2e/take-screenshots.ts [dir]`.
// docs/screenshot-session.png and docs/screenshot-commission.png are the top of the session and commission pages on
// a desktop in English; the rest (whole pages, and their first four screens one by one) go to the given folder.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { CommissionDetail, CommissionPage } from "../src/shared/api/commissions.ts";
import type { CommitmentPage } from "../src/shared/api/commitments.ts";
import type { SessionList } from "../src/shared/api/sessions.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { startTestServer } from "./support/server.ts";

type Shot = { file: string; path: string; lang: "en" | "ru" | "az"; phone?: boolean; whole?: boolean };

const outDir = process.argv[2] ?? "/tmp/igc-screens";
await mkdir(outDir, { recursive: true });
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const { items } = await server.getJson<CommissionPage>("/api/commissions");
  const commission = items[0];
  if (!commission) throw new Error("The demo commission is missing");
  const sessions = await server.getJson<SessionList>(`/api/commissions/${commission.id}/sessions`);
  const sixth = sessions.items.find((s) => s.number === 6);
  if (!sixth) throw new Error("The 6th session is missing");
  const commitments = await server.getJson<CommitmentPage>(`/api/commitments?sessionId=${sixth.id}&limit=5`);
  const commitment = commitments.items[1];
  if (!commitment) throw new Error("The 6th session has no commitments");
  const detail = await server.getJson<CommissionDetail>(`/api/commissions/${commission.id}`);
  const programme = detail.programmes[0];
  const coChair = detail.coChairs[0];
  const organization = commitment.responsible[0];
  if (!programme || !coChair || !organization) throw new Error("The demo commission lacks a programme or co-chair");

  const shots: Shot[] = [
    { file: join("docs", "screenshot-session.png"), path: `/sessions/${sixth.id}`, lang: "en", whole: false },
    { file: join(outDir, "session-en.png"), path: `/sessions/${sixth.id}`, lang: "en" },
    { file: join(outDir, "session-ru-phone.png"), path: `/sessions/${sixth.id}`, lang: "ru", phone: true },
    {
      file: join("docs", "screenshot-commission.png"),
      path: `/commissions/${commission.id}`,
      lang: "en",
      whole: false,
    },
    { file: join(outDir, "commission-en.png"), path: `/commissions/${commission.id}`, lang: "en" },
    { file: join(outDir, "programme-en.png"), path: `/programmes/${programme.id}`, lang: "en" },
    { file: join(outDir, "programme-ru-phone.png"), path: `/programmes/${programme.id}`, lang: "ru", phone: true },
    { file: join(outDir, "person-en.png"), path: `/people/${coChair.personId}`, lang: "en" },
    { file: join(outDir, "organization-ru.png"), path: `/organizations/${organization.organizationId}`, lang: "ru" },
    { file: join(outDir, "search-en-phone.png"), path: "/search?q=SOCAR", lang: "en", phone: true },
    { file: join(outDir, "commission-ru-phone.png"), path: `/commissions/${commission.id}`, lang: "ru", phone: true },
    { file: join(outDir, "commitment-ru.png"), path: `/commitments/${commitment.id}`, lang: "ru" },
    { file: join(outDir, "commitment-az-phone.png"), path: `/commitments/${commitment.id}`, lang: "az", phone: true },
    { file: join(outDir, "home-en.png"), path: "/", lang: "en" },
  ];
  for (const shot of shots) {
    const viewport = shot.phone ? { width: 375, height: 740 } : { width: 1280, height: 900 };
    const { context, page, problems } = await openPage(browser, { baseURL: server.url, viewport, language: shot.lang });
    await page.goto(shot.path);
    await page.waitForLoadState("networkidle");
    // The trade chart draws on a canvas after its chunk arrives.
    if (shot.path.startsWith("/commissions/")) await page.getByTestId("trade-chart").waitFor();
    await page.waitForTimeout(300);
    const whole = shot.whole ?? true;
    await page.screenshot({ path: shot.file, fullPage: whole });
    if (whole) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let top = 0, n = 1; top < height && n <= 4; top += viewport.height, n++) {
        const clip = { x: 0, y: top, width: viewport.width, height: Math.min(viewport.height, height - top) };
        await page.screenshot({ path: shot.file.replace(/\.png$/, `-${n}.png`), fullPage: true, clip });
      }
    }
    console.log(`${shot.file}${problems.length ? `  PROBLEMS: ${problems.join("; ")}` : ""}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
