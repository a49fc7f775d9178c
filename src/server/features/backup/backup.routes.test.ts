import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { makeCommission } from "../../testing/factories.ts";
import { createTestApp } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server: the same file, both engines.
let database: Database & { drop: () => Promise<void> };

beforeAll(async () => {
  database = await openTestDatabase();
  await makeCommission(database.db, { name: { ru: "Комиссия для резервной копии" } });
});
afterAll(async () => {
  await database.drop();
});

describe("GET /api/backup", () => {
  it("answers the backup as a gzip attachment an administrator can restore", async () => {
    const response = await createTestApp(database).request("/api/backup");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/gzip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename\*=UTF-8''igc-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.ndjson\.gz$/,
    );
    const lines = gunzipSync(Buffer.from(await response.arrayBuffer()))
      .toString("utf8")
      .trimEnd()
      .split("\n");
    const header = JSON.parse(lines[0] ?? "");
    expect(header).toMatchObject({ format: "igc-desk-backup", version: 1 });
    const commissions = header.tables.find((t: { name: string }) => t.name === "commissions");
    expect(commissions.rows).toBe(1);
    expect(lines.filter((line) => line.startsWith('{"t":"commissions"'))).toHaveLength(1);
    expect(lines.join("\n")).toContain("Комиссия для резервной копии");
  });

  it("is refused to someone not signed in", async () => {
    const response = await createTestApp(database, undefined, { as: "nobody" }).request("/api/backup");
    expect(response.status).toBe(401);
  });
});
