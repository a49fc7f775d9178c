import { sql } from "kysely";
import pino from "pino";
import type { GrantInput } from "../../shared/api/accounts.ts";
import type { Database } from "../db/client.ts";
import type { Mailer } from "../features/notifications/mailer.ts";
import { createApp } from "../http/app.ts";
import { createServices } from "../services.ts";

export const TEST_PUBLIC_URL = "http://igc.test";

export type TestAppOptions = {
  /**
   * `administrator` (the default): requests without an Authorization or Cookie header are sent with an API token of
   * a test administrator, created on first use, so feature tests go through the real sign-in checks. `nobody`:
   * requests go as they are.
   */
  as?: "administrator" | "nobody";
  /** Where password-reset links go (none by default). */
  mailer?: Mailer;
  /** IGC_TRUSTED_PROXIES. */
  trustedProxies?: number;
};

/** The real Hono app over a test database, called in-process with `app.request(...)`. */
export function createTestApp(
  database: Database,
  now: () => Date = () => new Date("2026-07-01T10:00:00Z"),
  options: TestAppOptions = {},
) {
  const services = createServices(database.db, now, { mailer: options.mailer ?? null, publicUrl: TEST_PUBLIC_URL });
  const app = createApp({
    services,
    logger: pino({ level: "silent" }),
    webDir: null,
    publicUrl: TEST_PUBLIC_URL,
    trustedProxies: options.trustedProxies ?? 0,
    ping: async () => {
      await sql`select 1`.execute(database.db);
      return { engine: database.engine };
    },
  });
  if (options.as === "nobody") return app;
  let token: Promise<string> | null = null;
  const adminToken = () => {
    token ??= testAdministratorToken(services);
    return token;
  };
  const request = app.request.bind(app);
  app.request = (async (input: string | Request | URL, init?: RequestInit, ...rest: unknown[]) => {
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    for (const [name, value] of new Headers(init?.headers)) headers.set(name, value);
    if (!headers.has("authorization") && !headers.has("cookie")) {
      headers.set("authorization", `Bearer ${await adminToken()}`);
    }
    return request(input, { ...init, headers }, ...(rest as []));
  }) as typeof app.request;
  return app;
}

function testAdministratorToken(services: ReturnType<typeof createServices>): Promise<string> {
  return createTestAccount(services, { name: "Test Administrator", isAdministrator: true }).then((a) => a.token);
}

export type TestAccountInput = { name: string; isAdministrator?: boolean; grants?: GrantInput[] };

/** An account with a write API token, for tests that act as a named person or a given role. */
export async function createTestAccount(
  services: ReturnType<typeof createServices>,
  input: TestAccountInput,
): Promise<{ userId: string; email: string; token: string }> {
  const email = `test-${crypto.randomUUID()}@example.org`;
  const actor = { name: "test setup", requestId: null };
  const { user } = await services.users.create(
    { email, displayName: input.name, isAdministrator: input.isAdministrator ?? false, grants: input.grants ?? [] },
    actor,
  );
  const { secret } = await services.apiTokens.create(user.id, { name: "tests", access: "write" }, actor);
  return { userId: user.id, email, token: secret };
}

/** Request headers that act as a named administrator (for tests of who did what). */
export async function actingAs(database: Database, name: string): Promise<Record<string, string>> {
  const { token } = await createTestAccount(createServices(database.db), { name, isAdministrator: true });
  return { authorization: `Bearer ${token}` };
}

export function jsonRequest(method: string, body: unknown): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
