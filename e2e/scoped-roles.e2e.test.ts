// A person whose role covers one commission sees that commission only: its card on the home page, its agreements,
// its dashboard and search open without naming it, and another commission's page is refused.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionPage } from "../src/shared/api/commissions.ts";
import { signInAs } from "./support/accounts.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { expectCount, expectVisible } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

const OBSERVER = { email: "observer.kg@example.org", password: "Issyk-Kul observer 2026" };

let server: TestServer;
let browser: Browser;
let demoId: string;
let otherId: string;

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await server.fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  demoId = (await server.getJson<CommissionPage>("/api/commissions")).items[0]?.id ?? "";
  otherId = (
    await post<{ id: string }>("/api/commissions", { countries: ["AZ", "UZ"], name: { en: "Other commission" } })
  ).id;
  const { user, oneTimePassword } = await post<{ user: { id: string }; oneTimePassword: string }>("/api/users", {
    email: OBSERVER.email,
    displayName: "Observer KG",
    grants: [{ role: "observer", commissionId: demoId }],
  });
  // The person chooses their own password (through the API here; the page for it is tested in accounts.e2e).
  const { page, context } = await openPage(browser, { baseURL: server.url, signedIn: false });
  await signInAs(context, server.url, { email: OBSERVER.email, password: oneTimePassword });
  const changed = await context.request.post(`${server.url}/api/auth/password`, {
    data: { currentPassword: oneTimePassword, newPassword: OBSERVER.password },
    headers: { origin: server.url },
  });
  if (!changed.ok()) throw new Error(`Changing ${user.id}'s password answered ${changed.status()}`);
  await page.close();
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a role in one commission", () => {
  it("shows that commission's record, agreements and dashboard, and refuses another commission", async () => {
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "en",
      signedIn: false,
    });
    await signInAs(context, server.url, OBSERVER);
    await page.goto("/");
    await expectCount(page.getByTestId("commission-card"), 1);

    await page.goto("/commitments");
    await expectVisible(page.getByTestId("commitment-row").first());
    await page.goto("/dashboard");
    await expectVisible(page.getByTestId("total-awaiting"));
    const searched = page.waitForResponse((r) => r.url().includes("/api/search"));
    await page.goto("/search?q=energy");
    expect((await searched).status()).toBe(200);
    expect(problems).toEqual([]);

    const refused = await context.request.get(`${server.url}/api/commissions/${otherId}`);
    expect(refused.status()).toBe(403);
    const allowed = await context.request.get(`${server.url}/api/commissions/${demoId}`);
    expect(allowed.status()).toBe(200);
    await context.close();
  });
});
