import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { makeCommission, makeCommitment, makeOrganization, makeSession } from "../../testing/factories.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { type CommitmentService, createCommitmentService } from "./commitments.service.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server: the same file, both engines.
let database: Database & { drop: () => Promise<void> };
let service: CommitmentService;
let sessionId: string;
let commissionId: string;
let orgAz: string;
let orgKg: string;

beforeAll(async () => {
  database = await openTestDatabase();
  service = createCommitmentService(database.db, () => new Date("2026-07-01T10:00:00Z"));
  const commission = await makeCommission(database.db);
  commissionId = commission.id;
  sessionId = (await makeSession(database.db, commission.id)).id;
  orgAz = (await makeOrganization(database.db, { country: "AZ", name: { en: "SOCAR", ru: "ГНКАР" } })).id;
  orgKg = (await makeOrganization(database.db, { country: "KG", name: { en: "Kyrgyzneftegaz" } })).id;
});
afterAll(() => database.drop());

const query = (q: Partial<Parameters<CommitmentService["list"]>[0]>) =>
  service.list({ sort: "protocol", limit: 50, sessionId, ...q });

describe(`commitments on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("creates a commitment with responsible organisations per side, in protocol order", async () => {
    const a = await makeCommitment(database.db, sessionId, {
      sector: "energy",
      text: {
        ru: "Расширить сотрудничество между SOCAR и «Кыргызнефтегаз»",
        en: "Expand SOCAR–Kyrgyzneftegaz cooperation",
      },
      deadline: "2026-Q2",
      responsible: [
        { organizationId: orgAz, side: "AZ", lead: true },
        { organizationId: orgKg, side: "KG" },
      ],
    });
    const b = await makeCommitment(database.db, sessionId, { sector: "trade", deadline: "2026-12-31" });
    expect(a.position).toBeLessThan(b.position);
    expect(a.dueDate).toBe("2026-06-30");
    expect(a.overdue).toBe(true);
    expect(b.overdue).toBe(false);
    expect(a.responsible.map((r) => [r.side, r.lead])).toEqual([
      ["AZ", true],
      ["KG", false],
    ]);
    const audit = await database.db.selectFrom("audit_events").selectAll().where("entity_id", "=", a.id).execute();
    expect(audit.map((e) => e.action)).toEqual(["commitment.create"]);
  });

  it("filters by sector, status, organisation, side, overdue and text (Russian stems)", async () => {
    expect((await query({ sector: "energy" })).items).toHaveLength(1);
    expect((await query({ organizationId: orgKg })).items).toHaveLength(1);
    expect((await query({ side: "KG" })).items).toHaveLength(1);
    expect((await query({ overdue: true })).items.map((c) => c.sector)).toEqual(["energy"]);
    expect((await query({ overdue: false })).items.map((c) => c.sector)).toEqual(["trade"]);
    expect((await query({ status: "done" })).items).toHaveLength(0);
    // «сотрудничества» in the text, «сотрудничество» in the query: the russian configuration stems both.
    expect((await query({ q: "сотрудничество" })).items).toHaveLength(1);
    expect((await query({ q: "cooperation" })).items).toHaveLength(1);
    expect((await query({ commissionId, q: "nothing-like-this" })).items).toHaveLength(0);
  });

  it("filters open items by a due window and by progress, as the dashboard's numbers need", async () => {
    const window = await query({ open: true, dueFrom: "2026-06-01", dueTo: "2026-12-31" });
    expect(window.items.map((c) => c.dueDate)).toEqual(expect.arrayContaining(["2026-06-30", "2026-12-31"]));
    for (const c of window.items)
      expect(c.dueDate && c.dueDate >= "2026-06-01" && c.dueDate <= "2026-12-31").toBe(true);
    expect((await query({ open: true, progressBelow: 1 })).items.length).toBe(
      (await query({ open: true })).items.length,
    );
    expect((await query({ open: false })).items).toHaveLength(0);
  });

  it("pages with a cursor without losing or repeating rows, for every sort", async () => {
    for (let i = 0; i < 5; i++) await makeCommitment(database.db, sessionId, { deadline: i % 2 ? `2027-0${i}` : null });
    const all = (await query({ limit: 500 })).items.map((c) => c.id);
    for (const sort of ["protocol", "deadline", "updated"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await query({ sort, limit: 2, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(all.length);
      expect([...seen].sort(), sort).toEqual([...all].sort());
    }
  });

  it("refuses a cursor it did not give", async () => {
    await expect(query({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("posts a status update that moves status and progress and keeps the history", async () => {
    const c = await makeCommitment(database.db, sessionId, { deadline: "2026-Q1" });
    const first = await service.postUpdate(
      c.id,
      { text: "Memorandum drafted", status: "in_progress", progress: 40 },
      SYSTEM_ACTOR,
    );
    expect(first.commitment).toMatchObject({ status: "in_progress", progress: 40, version: 2, overdue: true });
    const done = await service.postUpdate(c.id, { text: "Signed", status: "done", version: 2 }, SYSTEM_ACTOR);
    expect(done.commitment).toMatchObject({ status: "done", progress: 100, overdue: false, version: 3 });
    const history = await service.listUpdates(c.id);
    expect(history.map((u) => [u.previousStatus, u.status, u.progress])).toEqual([
      ["in_progress", "done", 100],
      ["not_started", "in_progress", 40],
    ]);
  });

  it("answers a stale version with a conflict and writes nothing", async () => {
    const c = await makeCommitment(database.db, sessionId);
    await service.update(c.id, { version: 1, deadline: "2026-Q4" }, SYSTEM_ACTOR);
    await expect(service.update(c.id, { version: 1, deadline: "2027" }, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: "version_conflict",
    });
    await expect(service.postUpdate(c.id, { text: "late", version: 1 }, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: "version_conflict",
    });
    const after = await service.get(c.id);
    expect(after).toMatchObject({ deadline: "2026-Q4", version: 2 });
    expect(await service.listUpdates(c.id)).toHaveLength(0);
  });

  it("drops an item only with its reason, and never counts it as late", async () => {
    const c = await makeCommitment(database.db, sessionId, { deadline: "2025-01-01" });
    const dropped = await service.postUpdate(
      c.id,
      { text: "Superseded by the energy roadmap", status: "dropped" },
      SYSTEM_ACTOR,
    );
    expect(dropped.commitment).toMatchObject({
      status: "dropped",
      droppedReason: "Superseded by the energy roadmap",
      overdue: false,
    });
  });

  it("refuses a responsible organisation on a side that is not the commission's", async () => {
    await expect(
      makeCommitment(database.db, sessionId, { responsible: [{ organizationId: orgAz, side: "RU" }] }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});
