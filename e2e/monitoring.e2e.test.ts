// Implementation monitoring, as the people of journeys 3–6 use it: a focal point of SOCAR reports on the SOCAR –
// Kyrgyzneftegaz agreement with a signed memorandum as evidence, the secretariat confirms, and the dashboard's
// figures change accordingly, equal plain SQL counts and each open the list behind it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionPage } from "../src/shared/api/commissions.ts";
import type { Commitment, CommitmentPage } from "../src/shared/api/commitments.ts";
import type { Dashboard } from "../src/shared/api/monitoring.ts";
import type { Inbox } from "../src/shared/api/notifications.ts";
import type { SessionList } from "../src/shared/api/sessions.ts";
import { signInAs } from "./support/accounts.ts";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import { expectContainsText, expectCount, expectPath, expectText, expectVisible, textOf } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

const FOCAL_POINT = { name: "Leyla Aliyeva", email: "leyla.aliyeva@socar.example", password: "Caspian pipeline 2026" };

let server: TestServer;
let browser: Browser;
let commissionId: string;
let seventhSessionId: string;
let target: Commitment;
let socarId: string;
let workDir: string;
let memorandum: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const { items } = await server.getJson<CommissionPage>("/api/commissions");
  const commission = items.find((c) => c.countries.includes("AZ") && c.countries.includes("KG"));
  if (!commission) throw new Error("The demo Azerbaijan–Kyrgyzstan commission is missing");
  commissionId = commission.id;
  const sessions = await server.getJson<SessionList>(`/api/commissions/${commissionId}/sessions`);
  const sixth = sessions.items.find((s) => s.number === 6);
  const seventh = sessions.items.find((s) => s.number === 7);
  if (!sixth || !seventh) throw new Error("The 6th or 7th session is missing");
  seventhSessionId = seventh.id;
  const page = await server.getJson<CommitmentPage>(`/api/commitments?sessionId=${sixth.id}&limit=500`);
  const found = page.items.find((c) => c.itemNumber === "7.2");
  if (!found) throw new Error("Item 7.2 (SOCAR – Kyrgyzneftegaz) of the 6th session is missing");
  target = found;
  const socar = found.responsible.find((r) => r.side === "AZ" && /SOCAR/.test(r.name.en ?? ""));
  if (!socar) throw new Error("SOCAR is not responsible for item 7.2");
  socarId = socar.organizationId;

  // A real (tiny) PDF: the server checks the bytes, not the name.
  workDir = await mkdtemp(join(tmpdir(), "igc-e2e-evidence-"));
  memorandum = join(workDir, "memorandum-socar-kyrgyzneftegaz.pdf");
  await writeFile(
    memorandum,
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The figures the dashboard shows, counted again in plain SQL over the server's database. */
async function countBySql(): Promise<{ done: number; inProgress: number; late: number; awaiting: number }> {
  const today = new Date().toISOString().slice(0, 10);
  const count = async (where: ReturnType<typeof sql>) => {
    const result = await sql<{ n: number }>`select count(*)::int as n from commitments
      where commission_id = ${commissionId} and ${where}`.execute(server.db);
    return result.rows[0]?.n ?? -1;
  };
  return {
    done: await count(sql`status = 'done'`),
    inProgress: await count(sql`status = 'in_progress'`),
    late: await count(sql`status in ('not_started', 'in_progress') and due_date < ${today}::date`),
    awaiting: await count(sql`awaiting_confirmation`),
  };
}

const TOTALS = [
  { key: "done", testId: "total-done" },
  { key: "inProgress", testId: "total-in-progress" },
  { key: "late", testId: "total-late" },
  { key: "awaiting", testId: "total-awaiting" },
] as const;

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`/dashboard?commissionId=${commissionId}`);
  await page.getByTestId("total-done").waitFor();
}

async function dashboardNumber(page: Page, testId: string): Promise<number> {
  return Number(await textOf(page.getByTestId(testId)));
}

describe("implementation monitoring", () => {
  it("a focal point reports with evidence, the secretariat confirms, the dashboard agrees with SQL", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    const before = await countBySql();

    // Bolot's secretariat adds SOCAR's focal point on the organisation's page.
    await page.goto(`/organizations/${socarId}`);
    await page.getByTestId("add-focal-point").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Name" }).fill(FOCAL_POINT.name);
    await dialog.getByRole("textbox", { name: "E-mail" }).fill(FOCAL_POINT.email);
    await dialog.getByRole("button", { name: "Save" }).click();
    const row = page.getByTestId("focal-point").filter({ hasText: FOCAL_POINT.email });
    await expectContainsText(row, FOCAL_POINT.name);

    // …and assigns her to the SOCAR – Kyrgyzneftegaz agreement, Azerbaijan leading.
    await page.goto(`/commitments/${target.id}`);
    await page.getByTestId("assign").click();
    await page.getByRole("checkbox", { name: `${FOCAL_POINT.name} (${FOCAL_POINT.email})` }).check();
    await page.getByRole("combobox", { name: "Lead side" }).selectOption("AZ");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expectContainsText(page.getByTestId("assigned-focal-point"), FOCAL_POINT.name);

    // An administrator opens her account: focal point of SOCAR in this commission, with a one-time password.
    const opened = await server.fetch("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email: FOCAL_POINT.email,
        displayName: FOCAL_POINT.name,
        grants: [{ role: "focal_point", commissionId, organizationId: socarId }],
      }),
    });
    expect(opened.status).toBe(201);
    const { oneTimePassword } = (await opened.json()) as { oneTimePassword: string };

    // She signs in, chooses her own password, and her inbox shows her organisation.
    const her = await openPage(browser, { baseURL: server.url, language: "en", signedIn: false });
    await her.page.goto("/inbox");
    await her.page.getByTestId("sign-in-email").fill(FOCAL_POINT.email);
    await her.page.getByTestId("sign-in-password").fill(oneTimePassword);
    await her.page.getByTestId("sign-in-submit").click();
    await her.page.getByTestId("current-password").fill(oneTimePassword);
    await her.page.getByTestId("new-password").fill(FOCAL_POINT.password);
    await her.page.getByTestId("repeat-password").fill(FOCAL_POINT.password);
    await her.page.getByTestId("choose-password-submit").click();
    await expectContainsText(her.page.getByTestId("my-focal-points"), "SOCAR");

    // As the focal point she opens agreement 7.2: the form reports for the AZ side.
    const fp = her.page;
    await fp.goto(`/commitments/${target.id}`);
    await expectText(fp.getByRole("heading", { level: 1 }), "Agreement 7.2");
    await expectContainsText(fp.getByTestId("reporter"), "SOCAR");
    await expect.poll(() => fp.getByRole("radio", { name: "AZ side (Azerbaijan)" }).isChecked()).toBe(true);
    const note = `Memorandum between SOCAR and Kyrgyzneftegaz signed (${Date.now()})`;
    await fp.getByRole("textbox", { name: "What has been done" }).fill(note);
    await fp.getByTestId("update-form").getByRole("combobox", { name: "Status" }).selectOption("in_progress");
    await fp.getByTestId("update-form").getByRole("textbox", { name: "Progress, %" }).fill("60");
    await fp.getByTestId("update-form").locator('input[type="file"]').setInputFiles(memorandum);
    await fp.getByRole("button", { name: "Post the update" }).click();
    await expectVisible(fp.getByTestId("update-posted"));

    // The history shows a side report by her for AZ, with the memorandum to download.
    const entry = fp.getByTestId("history-entry").filter({ hasText: note });
    await expectText(entry.getByTestId("history-kind"), "side report");
    await expectText(entry.getByTestId("history-side"), "AZ");
    await expectContainsText(entry.getByTestId("history-author"), FOCAL_POINT.name);
    await expectText(entry.getByTestId("history-change"), /^not started, 0%\s*→\s*in progress, 60%$/);
    const link = entry.getByTestId("evidence-link");
    await expectText(link, "memorandum-socar-kyrgyzneftegaz.pdf");
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/api\/status-update-files\/[0-9a-f-]{36}$/);
    const download = await server.fetch(href ?? "");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect((await download.text()).startsWith("%PDF-1.4")).toBe(true);

    expect(her.problems).toEqual([]);
    await her.context.close();

    await page.goto(`/commitments/${target.id}`);
    // The AZ side moved; the overall status waits for the secretariat.
    await expectContainsText(page.locator('[data-testid="side-report"][data-side="AZ"]'), "60%");
    await expectVisible(page.getByTestId("overall-status").getByTestId("awaiting-confirmation"));
    const reported = await countBySql();
    expect(reported.awaiting).toBe(before.awaiting + 1);
    await openDashboard(page);
    await expect.poll(() => dashboardNumber(page, "total-awaiting")).toBe(reported.awaiting);

    // The secretariat signs off jointly: the sides propose in progress at 30% (KG has not reported); it confirms 60%.
    await page.goto(`/commitments/${target.id}`);
    const confirm = page.getByTestId("confirm-form");
    await expectText(confirm.getByTestId("proposal-value"), "in progress, 30%");
    await confirm.getByRole("checkbox", { name: "Confirm a different status or progress" }).check();
    await confirm.getByRole("textbox", { name: "Progress, %" }).fill("60");
    await confirm.getByRole("textbox", { name: "Note" }).fill("Memorandum seen; the KG side confirmed by phone.");
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expectContainsText(page.getByTestId("confirmed"), "in progress, 60%");
    const signOff = page.getByTestId("history-entry").filter({ hasText: "Memorandum seen" });
    await expectText(signOff.getByTestId("history-kind"), "joint sign-off");
    await expectContainsText(signOff.getByTestId("history-author"), "E2E Administrator");
    await expectCount(page.getByTestId("overall-status").getByTestId("awaiting-confirmation"), 0);
    const saved = await server.getJson<Commitment>(`/api/commitments/${target.id}`);
    expect(saved).toMatchObject({ status: "in_progress", progress: 60, awaitingConfirmation: false });

    // The dashboard for the commission: its totals equal plain SQL counts…
    const after = await countBySql();
    expect(after.awaiting).toBe(before.awaiting);
    await openDashboard(page);
    for (const total of TOTALS) {
      await expect.poll(() => dashboardNumber(page, total.testId), { timeout: 10_000 }).toBe(after[total.key]);
    }
    const api = await server.getJson<Dashboard>(`/api/dashboard?commissionId=${commissionId}`);
    expect(api.totals).toMatchObject({
      done: after.done,
      inProgress: after.inProgress,
      late: after.late,
      awaitingConfirmation: after.awaiting,
    });

    // …and each opens the list with that many rows.
    for (const total of TOTALS) {
      await openDashboard(page);
      const expected = after[total.key];
      await page.getByTestId(total.testId).click();
      await expectPath(page, "/commitments");
      await expectText(page.getByTestId("list-count"), expected === 1 ? "1 agreement" : `${expected} agreements`);
      await expectCount(page.getByTestId("commitment-row"), expected);
      expect(new URL(page.url()).searchParams.get("commissionId")).toBe(commissionId);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens the list behind each deadline window and the at-risk count", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    const dashboard = await server.getJson<Dashboard>(`/api/dashboard?commissionId=${commissionId}`);
    const windows = [
      { testId: "upcoming-30", expected: dashboard.upcoming.days30 },
      { testId: "upcoming-60", expected: dashboard.upcoming.days60 },
      { testId: "upcoming-90", expected: dashboard.upcoming.days90 },
      { testId: "at-risk-count", expected: dashboard.atRisk.length },
    ];
    expect(dashboard.upcoming.days90).toBeGreaterThan(0);
    for (const w of windows) {
      await openDashboard(page);
      await expect.poll(() => dashboardNumber(page, w.testId)).toBe(w.expected);
      await page.getByTestId(w.testId).click();
      await expectPath(page, "/commitments");
      await expectText(page.getByTestId("list-count"), w.expected === 1 ? "1 agreement" : `${w.expected} agreements`);
      await expectCount(page.getByTestId("commitment-row"), w.expected);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lists what the focal point was told, with the unread count in the header", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "en",
      signedIn: false,
    });
    await signInAs(context, server.url, FOCAL_POINT);
    await page.goto("/inbox");
    const inbox = await server.getJson<Inbox>(`/api/inbox?email=${encodeURIComponent(FOCAL_POINT.email)}`);
    expect(inbox.unreadCount).toBeGreaterThan(0);
    await expectCount(page.getByTestId("message"), inbox.items.length);
    await expectText(page.getByTestId("nav-inbox").getByTestId("unread-count"), String(inbox.unreadCount));
    await expectContainsText(page.getByTestId("message-subject").first(), "7.2");
    await page.getByTestId("mark-read").first().click();
    await expectCount(page.locator('[data-testid="message"][data-unread="true"]'), inbox.unreadCount - 1);
    if (inbox.unreadCount === 1) await expectCount(page.getByTestId("unread-count"), 0);
    else await expectText(page.getByTestId("nav-inbox").getByTestId("unread-count"), String(inbox.unreadCount - 1));
    await page.getByTestId("message-link").first().click();
    await expectPath(page, `/commitments/${target.id}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("filters the portfolio by sector and lateness, and keeps the filters in the address", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto("/commitments?sector=energy&overdue=true");
    const expected = await server.getJson<CommitmentPage>("/api/commitments?sector=energy&overdue=true&limit=500");
    await expectCount(page.getByTestId("commitment-row"), expected.items.length);
    // The filter lives in the address: the box follows the URL, so click and wait for the address to change.
    await page.getByTestId("filter-late").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("overdue")).toBe(null);
    const energy = await server.getJson<CommitmentPage>("/api/commitments?sector=energy&limit=500");
    await expectCount(page.getByTestId("commitment-row"), energy.items.length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("prints the dashboard without the header and filters", async () => {
    const { page, context } = await openPage(browser, { baseURL: server.url, language: "en" });
    await openDashboard(page);
    await page.getByTestId("implementation-chart").waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").isVisible()).toBe(false);
    expect(await page.getByTestId("dashboard-filters").isVisible()).toBe(false);
    await expectVisible(page.getByTestId("sector-matrix"));
    await context.close();
  });

  it("carries the 6th session's unfinished items over to the 7th, dropping one with a reason", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto(`/sessions/${seventhSessionId}`);
    await expectContainsText(page.getByTestId("report-grand-total"), "33");
    await page.getByTestId("carry-over-review").click();
    const items = page.getByTestId("carry-over-item");
    const proposed = await items.count();
    expect(proposed).toBeGreaterThan(2);
    const dropped = items.nth(1);
    await dropped.getByText("Drop", { exact: true }).click();
    await dropped.getByRole("textbox", { name: "Reason for dropping" }).fill("Superseded by the new roadmap.");
    await page.getByTestId("carry-over-submit").click();
    await expectText(page.getByTestId("carry-over-done"), `${proposed - 1} carried over into this session, 1 dropped.`);
    await expectText(page.getByTestId("agreements-count"), `${proposed - 1} agreements`);
    const carried = await server.getJson<CommitmentPage>(`/api/commitments?sessionId=${seventhSessionId}&limit=500`);
    expect(carried.items).toHaveLength(proposed - 1);
    expect(carried.items.every((c) => c.carriedOverFromId !== null)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("on a phone (375×740)", () => {
  it("the monitoring pages fit the width without horizontal scrolling", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "ru",
      viewport: { width: 375, height: 740 },
    });
    const pages = [
      { path: `/dashboard?commissionId=${commissionId}`, ready: "total-done" },
      { path: "/dashboard", ready: "total-done" },
      { path: `/commitments?commissionId=${commissionId}`, ready: "commitment-row" },
      { path: `/commitments/${target.id}`, ready: "confirm-form" },
      { path: `/organizations/${socarId}`, ready: "focal-point" },
      { path: `/inbox?email=${encodeURIComponent(FOCAL_POINT.email)}`, ready: "message" },
    ];
    for (const p of pages) {
      await page.goto(p.path);
      await page.getByTestId(p.ready).first().waitFor();
      expect((await pageWidths(page)).scrollWidth, p.path).toBeLessThanOrEqual(375);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
