import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminQuery, requiredServerUrl, withDatabase } from "../../testing/global-setup.ts";
import { type CliRun, runIgc } from "../../testing/run-cli.ts";

// `igc import` as a person runs it, in a process of its own: into an empty PGlite data folder (IGC_DATA_DIR), or
// in the db-postgres project into a fresh database on the server (DATABASE_URL).
const FIXTURES = "src/extract/fixtures";
const CLI_TIMEOUT_MS = 60_000;
let workDir: string;
let documents: string;
let databaseEnv: Record<string, string>;
let dropDatabase = async () => {};

async function emptyDatabase(): Promise<void> {
  if (process.env.IGC_TEST_ENGINE !== "postgres") {
    databaseEnv = { IGC_DATA_DIR: join(workDir, "data") };
    return;
  }
  const serverUrl = requiredServerUrl();
  const name = `igc_cli_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name} template ${inject("igcTemplate")}`);
  databaseEnv = { DATABASE_URL: withDatabase(serverUrl, name) };
  dropDatabase = () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

function igc(...args: string[]): Promise<CliRun> {
  return runIgc(databaseEnv, ...args);
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "igc-import-cli-"));
  documents = join(workDir, "press-releases");
  mkdirSync(documents);
  for (const name of ["tm-tr-6th-session-2025.ru.txt", "ru-tj-11th-session-2025.ru.html"]) {
    copyFileSync(join(FIXTURES, name), join(documents, name));
  }
  writeFileSync(join(documents, "notes.md"), "not a document the command reads");
  await emptyDatabase();
});
afterAll(async () => {
  await dropDatabase();
  rmSync(workDir, { recursive: true, force: true });
});

describe("igc import", () => {
  it(
    "imports every document of a folder with progress on stderr and a summary on stdout",
    async () => {
      const run = await igc("import", documents);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain("[1/2] ru-tj-11th-session-2025.ru.html");
      expect(run.stdout).toMatch(/^ru-tj-11th-session-2025\.ru\.html: commission RU–TJ, session 11 — created \d+/m);
      expect(run.stdout).toMatch(/^tm-tr-6th-session-2025\.ru\.txt: commission TM–TR, session 6 — created \d+/m);
      expect(run.stdout).toContain("Imported 2 of 2 documents.");
      expect(run.stdout).toMatch(/^Created: 2 commissions, 4 sessions, \d+ commitments/m);
      expect(run.stdout).toContain("Errors:  0 documents");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "matches what is already there, lists a bad document and exits 1 without stopping the others",
    async () => {
      writeFileSync(join(documents, "empty.txt"), "");
      const run = await igc("import", documents);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("Imported 2 of 3 documents.");
      expect(run.stdout).toContain("Created: nothing");
      expect(run.stdout).toMatch(/^Matched: 2 commissions, 4 sessions/m);
      expect(run.stdout).toMatch(/^Errors: {2}1 document\n {2}empty\.txt: file: The document is empty\./m);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "writes nothing in a dry run",
    async () => {
      const run = await igc("import", "--dry-run", join(FIXTURES, "kg-qa-5th-session-2025.en.txt"));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Imported 1 of 1 document \(dry run: nothing was written\)\./m);
      expect(run.stdout).toMatch(/^Created: 1 commission, 2 sessions/m);
      const again = await igc("import", "--dry-run", join(FIXTURES, "kg-qa-5th-session-2025.en.txt"));
      expect(again.stdout).toMatch(/^Created: 1 commission, 2 sessions/m);
    },
    CLI_TIMEOUT_MS,
  );
});
