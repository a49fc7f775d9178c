import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { createServices } from "../../services.ts";
import { createTestApp, jsonRequest, TEST_PUBLIC_URL } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { createSmtpMailer } from "../notifications/mailer.ts";
import { type SmtpPeer, startSmtpPeer } from "../notifications/test-smtp-peer.ts";
import { CLIENT_FAILURES_PER_WINDOW, LOCK_AFTER_FAILURES, LOCK_MINUTES } from "./sign-in.ts";

let database: Database & { drop: () => Promise<void> };
let smtp: SmtpPeer;
let now = new Date("2026-07-01T10:00:00Z");
let app: ReturnType<typeof createTestApp>;
let services: ReturnType<typeof createServices>;

const SAME_SITE = { origin: TEST_PUBLIC_URL };
type ErrorJson = { error: { code: string; message: string } };

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpPeer();
  const mailer = createSmtpMailer({ smtpUrl: smtp.url, from: "igc@example.org" });
  app = createTestApp(database, () => now, { as: "nobody", mailer });
  services = createServices(database.db, () => now);
});
afterAll(async () => {
  await smtp.close();
  await database.drop();
});
beforeEach(async () => {
  now = new Date(now.getTime() + 24 * 3600_000);
  await database.db.deleteFrom("sign_in_failures").execute();
});

async function newAccount(email: string) {
  return services.users.create({ email, displayName: email.split("@")[0] ?? email }, SYSTEM_ACTOR);
}

function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  return app.request("/api/auth/sign-in", {
    ...jsonRequest("POST", { email, password }),
    headers: { "content-type": "application/json", ...SAME_SITE, ...headers },
  });
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.get("set-cookie") ?? "";
  const match = /igc_session=([^;]+)/.exec(cookie);
  if (!match?.[1]) throw new Error(`No session cookie in ${cookie}`);
  return match[1];
}

/** The e-mail of whoever the server takes these headers for, or null for nobody. */
async function whoIs(headers: Record<string, string>): Promise<string | null> {
  const res = await app.request("/api/auth/me", { headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { user: { email: string } | null }).user?.email ?? null;
}

const withCookie = (token: string, headers: Record<string, string> = {}) => ({
  cookie: `igc_session=${token}`,
  ...headers,
});

describe("signing in", () => {
  it("sets an httpOnly, SameSite session cookie and knows the person afterwards", async () => {
    const { oneTimePassword } = await newAccount("aysel@example.org");
    const res = await signIn("aysel@example.org", oneTimePassword);
    expect(res.status).toBe(200);
    const header = res.headers.get("set-cookie") ?? "";
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(await res.json()).toMatchObject({ user: { email: "aysel@example.org", mustChangePassword: true } });
    expect(await whoIs(withCookie(sessionCookie(res)))).toBe("aysel@example.org");
  });

  it("answers 401 to nobody on a route that needs an account, and to a wrong password", async () => {
    expect((await app.request("/api/commitments")).status).toBe(401);
    await newAccount("bakyt@example.org");
    const res = await signIn("bakyt@example.org", "not the password at all");
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorJson).error.message).toMatch(/wrong/);
  });

  it("never signs in a session id the browser brought along (session fixation)", async () => {
    const { oneTimePassword } = await newAccount("fixation@example.org");
    const planted = "planted-by-an-attacker-0000000000000000000000";
    const res = await signIn("fixation@example.org", oneTimePassword, withCookie(planted));
    expect(res.status).toBe(200);
    const issued = sessionCookie(res);
    expect(issued).not.toBe(planted);
    expect(await whoIs(withCookie(planted))).toBeNull();
    // Even a real session the browser held before is ended, not upgraded.
    const again = await signIn("fixation@example.org", oneTimePassword, withCookie(issued));
    expect(sessionCookie(again)).not.toBe(issued);
    expect(await whoIs(withCookie(issued))).toBeNull();
  });

  it(`locks an account after ${LOCK_AFTER_FAILURES} wrong passwords, even for the right one, for ${LOCK_MINUTES} minutes`, async () => {
    const { oneTimePassword } = await newAccount("brute@example.org");
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      expect((await signIn("brute@example.org", `guess number ${i}`)).status).toBe(401);
    }
    const locked = await signIn("brute@example.org", oneTimePassword);
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as ErrorJson).error.code).toBe("account_locked");
    now = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect((await signIn("brute@example.org", oneTimePassword)).status).toBe(200);
  });

  it(`refuses a client address after ${CLIENT_FAILURES_PER_WINDOW} failures across accounts`, async () => {
    for (let i = 0; i < CLIENT_FAILURES_PER_WINDOW; i++) {
      expect((await signIn(`nobody${i}@example.org`, "wrong password")).status).toBe(401);
    }
    const { oneTimePassword } = await newAccount("spray@example.org");
    const refused = await signIn("spray@example.org", oneTimePassword);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as ErrorJson).error.message).toMatch(/Too many/);
  });

  it("counts failures per client behind a trusted proxy, not per proxy", async () => {
    const behindProxy = createTestApp(database, () => now, { as: "nobody", trustedProxies: 1 });
    const attempt = (email: string, password: string, client: string) =>
      behindProxy.request("/api/auth/sign-in", {
        ...jsonRequest("POST", { email, password }),
        // What the client claims comes first and is not believed; the proxy appends the address it saw.
        headers: { "content-type": "application/json", ...SAME_SITE, "x-forwarded-for": `192.0.2.1, ${client}` },
      });
    for (let i = 0; i < CLIENT_FAILURES_PER_WINDOW; i++) {
      expect((await attempt(`nobody${i}@example.org`, "wrong password", "203.0.113.7")).status).toBe(401);
    }
    const { oneTimePassword } = await newAccount("proxied@example.org");
    expect((await attempt("proxied@example.org", oneTimePassword, "203.0.113.7")).status).toBe(429);
    expect((await attempt("proxied@example.org", oneTimePassword, "198.51.100.20")).status).toBe(200);
  });

  it("ends the session on sign-out", async () => {
    const { oneTimePassword } = await newAccount("leave@example.org");
    const token = sessionCookie(await signIn("leave@example.org", oneTimePassword));
    const out = await app.request("/api/auth/sign-out", { method: "POST", headers: withCookie(token, SAME_SITE) });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/igc_session=;/);
    expect(await whoIs(withCookie(token))).toBeNull();
  });

  it("ends sessions when they have been idle for 12 hours", async () => {
    const { oneTimePassword } = await newAccount("idle@example.org");
    const token = sessionCookie(await signIn("idle@example.org", oneTimePassword));
    now = new Date(now.getTime() + 13 * 3600_000);
    expect(await whoIs(withCookie(token))).toBeNull();
  });
});

describe("cross-site requests (CSRF)", () => {
  let token: string;
  beforeEach(async () => {
    const email = `csrf-${crypto.randomUUID()}@example.org`;
    const { oneTimePassword } = await newAccount(email);
    token = sessionCookie(await signIn(email, oneTimePassword));
  });
  const createToken = (headers: Record<string, string>) =>
    app.request("/api/auth/tokens", {
      ...jsonRequest("POST", { name: "ci" }),
      headers: { "content-type": "application/json", ...withCookie(token), ...headers },
    });

  it("refuses a cookie-authorised write without an Origin, or from another site", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { origin: "https://evil.example" },
      { referer: "https://evil.example/x" },
    ];
    for (const headers of attempts) {
      const res = await createToken(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as ErrorJson).error.message).toMatch(/Origin/);
    }
    expect(await database.db.selectFrom("api_tokens").select("id").where("name", "=", "ci").execute()).toEqual([]);
  });

  it("takes the same write from IGC Desk's own origin", async () => {
    expect((await createToken(SAME_SITE)).status).toBe(201);
  });

  it("refuses a sign-in posted from another site", async () => {
    const res = await signIn("csrf@example.org", "whatever password", { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});

describe("API tokens", () => {
  it("act as their owner; a read token may not write; a revoked token is refused", async () => {
    const { user } = await services.users.create(
      { email: "robot@example.org", displayName: "Robot", isAdministrator: true },
      SYSTEM_ACTOR,
    );
    const read = await services.apiTokens.create(user.id, { name: "dashboard", access: "read" }, SYSTEM_ACTOR);
    const bearer = { authorization: `Bearer ${read.secret}` };
    expect((await app.request("/api/auth/me", { headers: bearer })).status).toBe(200);
    const write = await app.request("/api/auth/tokens", {
      ...jsonRequest("POST", { name: "more" }),
      headers: { "content-type": "application/json", ...bearer },
    });
    expect(write.status).toBe(403);
    await services.apiTokens.revoke(user.id, read.token.id, SYSTEM_ACTOR);
    expect((await app.request("/api/auth/me", { headers: bearer })).status).toBe(401);
    const stored = await database.db
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", read.token.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(read.secret);
  });
});

describe("passwords", () => {
  it("keeps only an argon2id hash, and refuses a weak new password with a reason", async () => {
    const { user, oneTimePassword } = await newAccount("weak@example.org");
    const row = await database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(oneTimePassword);
    const token = sessionCookie(await signIn("weak@example.org", oneTimePassword));
    const res = await app.request("/api/auth/password", {
      ...jsonRequest("POST", { currentPassword: oneTimePassword, newPassword: "short" }),
      headers: { "content-type": "application/json", ...withCookie(token, SAME_SITE) },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.message).toMatch(/newPassword: Use at least 12/);
  });

  it("resets a password by a one-time e-mailed link that works once and ends old sessions", async () => {
    const { oneTimePassword } = await newAccount("forgot@example.org");
    const old = sessionCookie(await signIn("forgot@example.org", oneTimePassword));
    const ask = (email: string) =>
      app.request("/api/auth/password-reset", {
        ...jsonRequest("POST", { email }),
        headers: { "content-type": "application/json", ...SAME_SITE },
      });
    expect((await ask("forgot@example.org")).status).toBe(200);
    expect((await ask("forgot@example.org")).status).toBe(200); // within the minute: no second message
    expect((await ask("no-such-person@example.org")).status).toBe(200);
    const mail = smtp.received.filter((m) => m.to.includes("forgot@example.org"));
    expect(mail).toHaveLength(1);
    expect(smtp.received.some((m) => m.to.includes("no-such-person@example.org"))).toBe(false);
    const link = /https?:\/\/\S+\/reset-password#([A-Za-z0-9_-]{43})/.exec(mail[0]?.text ?? "");
    expect(link?.[1]).toBeDefined();
    const confirm = () =>
      app.request("/api/auth/password-reset/confirm", {
        ...jsonRequest("POST", { token: link?.[1], newPassword: "a brand new passphrase" }),
        headers: { "content-type": "application/json", ...SAME_SITE },
      });
    expect((await confirm()).status).toBe(200);
    expect((await confirm()).status).toBe(400);
    expect(await whoIs(withCookie(old))).toBeNull();
    expect((await signIn("forgot@example.org", "a brand new passphrase")).status).toBe(200);
  });
});

describe("the audit trail of accounts", () => {
  it("records sign-ins and account changes with the account behind them, never a password", async () => {
    const { user, oneTimePassword } = await newAccount("traced@example.org");
    await signIn("traced@example.org", oneTimePassword);
    const rows = await database.db
      .selectFrom("audit_events")
      .select(["action", "actor_user_id", "after"])
      .where("entity_id", "=", user.id)
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.action)).toEqual(["user.create", "user.sign_in"]);
    expect(rows[1]?.actor_user_id).toBe(user.id);
    expect(JSON.stringify(rows)).not.toContain("argon2");
  });
});
