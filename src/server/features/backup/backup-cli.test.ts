import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { createServices } from "../../services.ts";
import { adminQuery, dropDatabase, requiredServerUrl, withDatabase } from "../../testing/global-setup.ts";
import { runIgc } from "../../testing/run-cli.ts";
import { createTestApp } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { azKgCommission } from "../demo/az-kg.ts";
import { loadDemoCommission } from "../demo/demo.service.ts";

// `igc backup` and `igc restore` as a person runs them, each in a process of its own. The backup comes from a
// running server over HTTP (as with PGlite, whose data folder the server holds), is restored into a new, empty
// database (a PGlite folder, or a database on the server in the db-postgres project) and backed up from there.
const CLI_TIMEOUT_MS = 90_000;
let source: Database & { drop: () => Promise<void> };
let server: ReturnType<typeof serve>;
let serverUrl: string;
let token: string;
let workDir: string;
let targetEnv: Record<string, string>;
let dropTarget = async () => {};

/** The lines `  table   rows` a command prints. */
function tableCounts(output: string): string[] {
  return output.split("\n").filter((line) => /^ {2}\S+ +\d+$/.test(line));
}

async function emptyTarget(): Promise<void> {
  if (process.env.IGC_TEST_ENGINE !== "postgres") {
    targetEnv = { IGC_DATA_DIR: join(workDir, "new-machine") };
    return;
  }
  const url = requiredServerUrl();
  const name = `igc_restore_${randomBytes(6).toString("hex")}`;
  await adminQuery(url, `create database ${name}`);
  targetEnv = { DATABASE_URL: withDatabase(url, name) };
  dropTarget = () => dropDatabase(url, name);
}

async function administratorToken(database: Database): Promise<string> {
  const services = createServices(database.db);
  const { user } = await services.users.create(
    { email: "backup-admin@example.org", displayName: "Backup Administrator", isAdministrator: true },
    SYSTEM_ACTOR,
  );
  return (await services.apiTokens.create(user.id, { name: "backups", access: "read" }, SYSTEM_ACTOR)).secret;
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "igc-backup-cli-"));
  source = await openTestDatabase();
  await loadDemoCommission(source.db, azKgCommission, SYSTEM_ACTOR);
  token = await administratorToken(source);
  const app = createTestApp(source, () => new Date(), { as: "nobody" });
  server = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await emptyTarget();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await source.drop();
  await dropTarget();
  rmSync(workDir, { recursive: true, force: true });
});

describe("igc backup and igc restore", () => {
  const downloaded = () => join(workDir, "from-server.ndjson.gz");

  it(
    "downloads the backup from a running server with an administrator's token",
    async () => {
      const refused = await runIgc(
        {},
        "backup",
        "--from",
        serverUrl,
        "--token",
        "igc_not_a_token",
        "--out",
        downloaded(),
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/answered 401/);
      expect(existsSync(downloaded())).toBe(false);

      const run = await runIgc({ IGC_TOKEN: token }, "backup", "--from", serverUrl, "--out", downloaded());
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Backed up ${serverUrl} to ${downloaded()}:`);
      expect(run.stdout).toMatch(/^ {2}commitments +43$/m);
      expect(run.stdout).toMatch(/^\d+ tables, \d+ rows\.$/m);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "restores it into a new database only with --yes, then backs that database up with the same rows",
    async () => {
      const asked = await runIgc(targetEnv, "restore", downloaded());
      expect(asked.code).toBe(1);
      expect(asked.stderr).toMatch(/This replaces all data in .* run again with --yes/);

      const restored = await runIgc(targetEnv, "restore", downloaded(), "--yes");
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`Restored ${downloaded()} into`);

      const again = await runIgc(targetEnv, "backup", "--out", join(workDir, "from-new-machine.ndjson.gz"));
      expect(again.code, again.stderr).toBe(0);
      const [before, after] = [tableCounts(restored.stdout), tableCounts(again.stdout)];
      expect(before.length).toBeGreaterThan(20);
      expect(after).toEqual(before);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "refuses a file that is not a backup and says why",
    async () => {
      const run = await runIgc(targetEnv, "restore", join(workDir, "missing.ndjson.gz"), "--yes");
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("no such file");
    },
    CLI_TIMEOUT_MS,
  );
});
