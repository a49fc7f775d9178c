import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommitmentPage } from "../../../shared/api/commitments.ts";
import type { ImportResult } from "../../../shared/api/imports.ts";
import type { Database } from "../../db/client.ts";
import { createTestApp } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { azKgCommission } from "../demo/az-kg.ts";
import { loadDemoCommission } from "../demo/demo.service.ts";
import { normalizeName } from "../organizations/organizations.service.ts";
import { importDocument } from "./import-test-requests.ts";

// The sample protocol of the demo's own 6th session lives in the shared evaluation kit, outside the project.
const SAMPLE_PROTOCOL = "../shared/eval/docs/az-kg-6th-session-protocol-sample.ru.txt";

describe.skipIf(!existsSync(SAMPLE_PROTOCOL))("importing the protocol of a session the demo already holds", () => {
  let database: Database & { drop: () => Promise<void> };
  let app: ReturnType<typeof createTestApp>;
  let demoId: string;
  let result: ImportResult;

  const organizationsCalled = (alias: string) =>
    database.db
      .selectFrom("organization_aliases")
      .select("organization_id")
      .where("normalized", "=", normalizeName(alias))
      .execute();

  beforeAll(async () => {
    database = await openTestDatabase();
    app = createTestApp(database);
    demoId = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
    ({ result } = await importDocument(app, SAMPLE_PROTOCOL));
  });
  afterAll(() => database.drop());

  it("attaches to the demo commission and its 6th session, and finds the planned 7th", async () => {
    expect(result.commissionId).toBe(demoId);
    expect(result.created).toMatchObject({ commissions: 0, sessions: 0 });
    expect(result.matched).toMatchObject({ commissions: 1, sessions: 2 });
    const session = await database.db
      .selectFrom("sessions")
      .select("number")
      .where("id", "=", result.sessionId)
      .executeTakeFirstOrThrow();
    expect(session.number).toBe(6);
  });

  it("keeps the co-chairs, the programmes, the protocol and the trade figure it already has", () => {
    expect(result.created).toMatchObject({ people: 0, coChairs: 0, programmes: 0, documents: 0, figures: 0 });
    expect(result.matched).toMatchObject({ people: 2, coChairs: 2, programmes: 2, documents: 1, figures: 1 });
  });

  it("matches SOCAR, «Кыргызнефтегаз» and AZPROMO by alias instead of creating them again", async () => {
    for (const alias of ["SOCAR", "Кыргызнефтегаз", "AZPROMO"]) {
      expect(await organizationsCalled(alias), alias).toHaveLength(1);
    }
    const [azpromo] = await organizationsCalled("AZPROMO");
    const page = (await (
      await app.request(`/api/commitments?sessionId=${result.sessionId}&organizationId=${azpromo?.organization_id}`)
    ).json()) as CommitmentPage;
    const imported = page.items.find((c) => c.text.ru?.startsWith("Учредить Азербайджано-Кыргызский деловой совет"));
    expect(imported?.responsible.find((r) => r.organizationId === azpromo?.organization_id)?.side).toBe("AZ");
  });

  it("stores the source text with the demo's protocol, which had no file", async () => {
    const protocol = await database.db
      .selectFrom("documents")
      .select(["file_name", "kind"])
      .where("session_id", "=", result.sessionId)
      .where("kind", "=", "protocol")
      .execute();
    expect(protocol).toEqual([{ kind: "protocol", file_name: "az-kg-6th-session-protocol-sample.ru.txt" }]);
  });
});
