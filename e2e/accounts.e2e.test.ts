// Accounts as an administrator and as anyone signed in: an administrator opens an account with a secretariat role
// and sees its one-time password once (and it works); on /account a read token is created, its secret shown once
// (and it works), then revoked (and it stops working). Someone who is not an administrator is told so on /users.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../src/shared/api/accounts.ts";
import type { CommissionPage, CommissionSummary } from "../src/shared/api/commissions.ts";
import { launchBrowser, openPage, pageWidths } from "./support/browser.ts";
import { expectContainsText, expectCount, expectVisible, textOf } from "./support/expect.ts";
import { startTestServer, type TestServer } from "./support/server.ts";

const NEW_EMAIL = "aida.mammadova@example.org";
const NEW_PASSWORD = "Caspian-shore-2026!";

let server: TestServer;
let browser: Browser;
let commission: CommissionSummary;
/** The one-time password the page showed for the new account. */
let oneTimePassword = "";

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const { items } = await server.getJson<CommissionPage>("/api/commissions");
  const first = items[0];
  if (!first) throw new Error("The demo commission is missing");
  commission = first;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A request as a program would send it: the secret in the Authorization header, no cookie. */
const withBearer = (secret: string, path: string) =>
  fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secret}` } });

describe("accounts", () => {
  it("an administrator opens an account with a secretariat role and sees its one-time password once", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto("/users");
    await expectVisible(page.locator('[data-testid="user"][data-email="e2e-admin@example.org"]'));

    await page.getByTestId("user-new").click();
    const form = page.getByTestId("user-form");
    await form.getByTestId("user-email-input").fill(NEW_EMAIL);
    await form.getByTestId("user-name-input").fill("Aida Mammadova");
    await form.getByTestId("grant-add").click();
    const row = form.getByTestId("grant-row");
    await expectCount(row, 1);
    // A focal point names its organisation: the form says so at that field before anything is sent.
    await row.getByTestId("grant-role").selectOption("focal_point");
    await form.getByRole("button", { name: "Open the account" }).click();
    await expectContainsText(row, "Choose the organisation this focal point reports for.");
    await row.getByTestId("grant-role").selectOption("secretariat");
    await expectCount(row.getByTestId("grant-organization"), 0);
    await row.getByTestId("grant-commission").selectOption(commission.id);
    await row.getByTestId("grant-side").selectOption(commission.countries[0] ?? "");
    await form.getByRole("button", { name: "Open the account" }).click();

    const issued = page.getByTestId("issued-password");
    await expectVisible(issued);
    await expectContainsText(issued, NEW_EMAIL);
    oneTimePassword = await issued.getByTestId("secret-value").inputValue();
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);

    // The account and its role as the server keeps them.
    const { items } = await server.getJson<{ items: User[] }>("/api/users");
    const created = items.find((u) => u.email === NEW_EMAIL);
    expect(created?.grants).toEqual([
      { role: "secretariat", commissionId: commission.id, organizationId: null, side: commission.countries[0] },
    ]);
    expect(created?.mustChangePassword).toBe(true);

    const card = page.locator(`[data-testid="user"][data-email="${NEW_EMAIL}"]`);
    await expectContainsText(card.getByTestId("grant"), "Secretariat · ");

    // Once: dismissed, it is gone, and a reload does not bring it back.
    await issued.getByTestId("secret-done").click();
    await expectCount(page.getByTestId("issued-password"), 0);
    await page.reload();
    await expectVisible(card);
    await expectCount(page.getByTestId("issued-password"), 0);
    expect(await page.getByText(oneTimePassword).count()).toBe(0);

    // A phone lays the accounts out as cards: nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    const { scrollWidth, clientWidth } = await pageWidths(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the new person signs in with the one-time password and is told /users is for administrators", async () => {
    expect(oneTimePassword).not.toBe("");
    const { page, context, problems } = await openPage(browser, {
      baseURL: server.url,
      language: "en",
      signedIn: false,
    });
    const headers = { origin: server.url };
    const signIn = await context.request.post(`${server.url}/api/auth/sign-in`, {
      data: { email: NEW_EMAIL, password: oneTimePassword },
      headers,
    });
    expect(signIn.status()).toBe(200);
    const changed = await context.request.post(`${server.url}/api/auth/password`, {
      data: { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD },
      headers,
    });
    expect(changed.status()).toBe(200);

    await page.goto("/users");
    await expectVisible(page.getByTestId("users-forbidden"));
    await expectCount(page.getByTestId("user"), 0);
    await page.goto("/account");
    await expectContainsText(page.getByTestId("account-email"), NEW_EMAIL);
    await expectContainsText(page.getByTestId("account-identity").getByTestId("grant"), "Secretariat · ");

    // The server's password rule stands at the new password's field.
    await page.getByTestId("password-currentPassword").fill(NEW_PASSWORD);
    await page.getByTestId("password-newPassword").fill("short1");
    await page.getByTestId("password-repeatPassword").fill("short1");
    await page.getByRole("button", { name: "Change the password" }).click();
    const newPasswordField = page.getByTestId("password-form").locator(".mantine-InputWrapper-root", {
      has: page.getByTestId("password-newPassword"),
    });
    await expectContainsText(newPasswordField, "Use at least 12 characters.");
    // The browser reports the refused /api/users and password as failed loads; nothing else may go wrong.
    expect(problems.filter((p) => !p.includes("403") && !p.includes("400"))).toEqual([]);
    await context.close();
  });

  it("an administrator changes the account's roles, disables it and gives it a new one-time password", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto("/users");
    const card = page.locator(`[data-testid="user"][data-email="${NEW_EMAIL}"]`);
    await card.getByTestId("user-edit").click();
    const form = page.getByTestId("user-form");
    await expectCount(form.getByTestId("grant-row"), 1);
    await form.getByTestId("grant-add").click();
    await form.getByTestId("grant-row").nth(1).getByTestId("grant-role").selectOption("observer");
    await form.getByTestId("user-disabled-input").check();
    await form.getByRole("button", { name: "Save" }).click();
    await expectVisible(card.getByTestId("user-disabled"));
    await expectCount(card.getByTestId("grant"), 2);
    await expectContainsText(card.getByTestId("grant").nth(1), "Observer · All commissions");

    page.once("dialog", (dialog) => void dialog.accept());
    await card.getByTestId("user-issue-password").click();
    const issued = page.getByTestId("issued-password");
    await expectVisible(issued);
    const password = await issued.getByTestId("secret-value").inputValue();
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    const { items } = await server.getJson<{ items: User[] }>("/api/users");
    const changed = items.find((u) => u.email === NEW_EMAIL);
    expect(changed?.disabled).toBe(true);
    expect(changed?.mustChangePassword).toBe(true);
    expect(changed?.grants.map((g) => g.role)).toEqual(["secretariat", "observer"]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("creates a read token on /account, shows its secret once, and revokes it", async () => {
    const { page, context, problems } = await openPage(browser, { baseURL: server.url, language: "en" });
    await page.goto("/account");
    await expectContainsText(page.getByTestId("account-email"), "e2e-admin@example.org");

    await page.getByTestId("token-new").click();
    const form = page.getByTestId("token-form");
    await form.getByTestId("token-name-input").fill("Ministry dashboard");
    await form.getByTestId("token-access-input").selectOption("read");
    await form.getByTestId("token-expiry-input").fill("30");
    await form.getByRole("button", { name: "Create the token" }).click();

    const issued = page.getByTestId("issued-token");
    await expectVisible(issued);
    const secret = await issued.getByTestId("secret-value").inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await expectContainsText(issued, `Authorization: Bearer ${secret}`);
    expect((await withBearer(secret, "/api/auth/me")).status).toBe(200);

    const token = page.getByTestId("token").filter({ hasText: "Ministry dashboard" });
    await expectCount(token, 1);
    expect(await token.getAttribute("data-state")).toBe("active");
    expect(await textOf(token)).toContain("Read only");

    await issued.getByTestId("secret-done").click();
    await expectCount(page.getByTestId("issued-token"), 0);

    page.once("dialog", (dialog) => void dialog.accept());
    await token.getByTestId("token-revoke").click();
    await expect.poll(() => token.getAttribute("data-state")).toBe("revoked");
    await expectCount(token.getByTestId("token-revoke"), 0);
    expect((await withBearer(secret, "/api/auth/me")).status).toBe(401);
    // Never shown again, not even in the list.
    expect(await page.getByText(secret).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
