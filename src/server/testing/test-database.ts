import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { type Database, openDatabase } from "../db/client.ts";
import { adminQuery, dropDatabase, requiredServerUrl, withDatabase } from "./global-setup.ts";

/**
 * A fresh, migrated database of the engine under test (IGC_TEST_ENGINE), cloned from the run's template.
 * One per test file: open it in beforeAll and call `drop` in afterAll.
 */
export async function openTestDatabase(): Promise<Database & { drop: () => Promise<void> }> {
  const template = inject("igcTemplate");
  if (process.env.IGC_TEST_ENGINE === "postgres") {
    const serverUrl = requiredServerUrl();
    const name = `igc_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `create database ${name} template ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
    return {
      ...database,
      drop: async () => {
        await database.close();
        await dropDatabase(serverUrl, name);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "igc-test-"));
  cpSync(template, dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  return {
    ...database,
    drop: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
