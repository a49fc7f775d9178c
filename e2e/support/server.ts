import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Kysely } from "kysely";
import { loadConfig } from "../../src/server/config.ts";
import type { DB } from "../../src/server/db/schema.ts";
import { startServer } from "../../src/server/main.ts";

export type TestServer = {
  url: string;
  /** GET a JSON API path ("/api/commissions") on the running server. */
  getJson: <T>(path: string) => Promise<T>;
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
  return {
    url: server.url,
    db: server.database.db,
    getJson: async <T>(path: string): Promise<T> => {
      const response = await fetch(`${server.url}${path}`);
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
