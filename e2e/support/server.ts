import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Kysely } from "kysely";
import { loadConfig } from "../../src/server/config.ts";
import type { DB } from "../../src/server/db/schema.ts";
import { startServer } from "../../src/server/main.ts";
import { createServices } from "../../src/server/services.ts";
import { rememberAdministrator } from "./accounts.ts";

export type TestServer = {
  url: string;
  /** GET a JSON API path ("/api/commissions") on the running server, as its e2e administrator. */
  getJson: <T>(path: string) => Promise<T>;
  /** fetch() a path on the server as its e2e administrator (an API token; no cookie, so no Origin needed). */
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  /** The server's own database, for checking what the pages show against plain SQL. */
  db: Kysely<DB>;
  stop: () => Promise<void>;
};

const WEB_DIR = resolve("dist/web");

/**
 * The real server in-process on a free port, with a fresh data folder (the demo commission loads on first start)
 * and the built web app. Build first: `npm run build`.
 */
export async function startTestServer(): Promise<TestServer> {
  if (!existsSync(join(WEB_DIR, "index.html"))) {
    throw new Error(`The web app is not built (${WEB_DIR}/index.html is missing): run \`npm run build\` first.`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), "igc-e2e-"));
  const server = await startServer(
    loadConfig({ IGC_DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "warn", IGC_WEB_DIR: WEB_DIR }),
  );
  const token = await createAdministrator(server.database.db, server.url);
  const asAdministrator = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    return fetch(new URL(path, server.url), { ...init, headers });
  };
  return {
    url: server.url,
    db: server.database.db,
    fetch: asAdministrator,
    getJson: async <T>(path: string): Promise<T> => {
      const response = await asAdministrator(path);
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An administrator with a known password (already chosen, so pages open straight away) and an API token. */
async function createAdministrator(db: Kysely<DB>, url: string): Promise<string> {
  const services = createServices(db);
  const actor = { name: "e2e setup", requestId: null };
  const email = "e2e-admin@example.org";
  const { user, oneTimePassword } = await services.users.create(
    { email, displayName: "E2E Administrator", isAdministrator: true },
    actor,
  );
  await db.updateTable("users").set({ password_must_change: false }).where("id", "=", user.id).execute();
  rememberAdministrator(url, { email, password: oneTimePassword });
  return (await services.apiTokens.create(user.id, { name: "e2e", access: "write" }, actor)).secret;
}
