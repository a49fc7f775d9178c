import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEvent, AuditPage } from "../../../shared/api/audit.ts";
import type { Database } from "../../db/client.ts";
import { createServices } from "../../services.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { type Actor, recordAudit } from "../audit.ts";

let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let commissionId: string;
let otherCommissionId: string;
let sessionId: string;
let commitment: { id: string; version: number };

// Who acts comes from the signed-in account over HTTP; the services take it as given, so two named people
// write the records the filters are tried on.
const AYNUR: Actor = { name: "Aynur Məmmədova (secretariat AZ)", requestId: null };
const BOLOT: Actor = { name: "Болот Осмонов (secretariat KG)", requestId: null };

async function auditPage(query: Record<string, string>): Promise<AuditPage> {
  const res = await app.request(`/api/audit?${new URLSearchParams(query)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
}

const countAudit = async () =>
  (
    await database.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
  ).n;

const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  const services = createServices(database.db);
  const commission = await services.commissions.create(
    { countries: ["AZ", "KG"], name: { en: "Azerbaijan–Kyrgyzstan commission" }, secretariats: [] },
    AYNUR,
  );
  commissionId = commission.id;
  const other = await services.commissions.create(
    { countries: ["KG", "UZ"], name: { en: "Kyrgyzstan–Uzbekistan commission" }, secretariats: [] },
    BOLOT,
  );
  otherCommissionId = other.id;
  const session = await services.sessions.create(
    commissionId,
    { number: 6, hostCountry: "AZ", status: "held", startsOn: "2025-12-08", datesViaDiplomaticChannels: false },
    AYNUR,
  );
  sessionId = session.id;
  commitment = await services.commitments.create(
    { sessionId, sector: "energy", text: { en: "Study a gas supply route." }, responsible: [] },
    AYNUR,
  );
  await services.commitments.update(commitment.id, { version: commitment.version, sector: "transport" }, BOLOT);
  commitment = await services.commitments.get(commitment.id);
});
afterAll(() => database.drop());

describe("a write through the API", () => {
  it("leaves exactly one audit event, with the values before and after and the fields it changed", async () => {
    const res = await app.request(
      `/api/commitments/${commitment.id}`,
      jsonRequest("PATCH", { version: commitment.version, text: { en: "Build a gas pipeline." }, deadline: "2026-Q4" }),
    );
    expect(res.status).toBe(200);
    commitment = (await res.json()) as { id: string; version: number };
    const requestId = res.headers.get("x-request-id") ?? "";

    const rows = await database.db.selectFrom("audit_events").selectAll().where("request_id", "=", requestId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor).not.toBe("");
    expect(rows[0]).toMatchObject({
      action: "commitment.update",
      entity_type: "commitment",
      entity_id: commitment.id,
      before: expect.objectContaining({ text: { en: "Study a gas supply route." }, deadline: null }),
      after: { text: { en: "Build a gas pipeline." }, deadline: "2026-Q4" },
    });

    const { items } = await auditPage({ action: "commitment.update", entityId: commitment.id });
    expect(items).toHaveLength(2);
    expect(items[0]?.changes).toEqual([
      { field: "text.en", before: "Study a gas supply route.", after: "Build a gas pipeline." },
      { field: "deadline", before: null, after: "2026-Q4" },
    ]);
  });
});

describe("browsing", () => {
  const actions = (items: AuditEvent[]) => items.map((e) => e.action);

  it("filters by part of the actor's name, in any case and script", async () => {
    const aynur = await auditPage({ actor: "MƏMMƏDOVA" });
    expect(actions(aynur.items)).toEqual(["commitment.create", "session.create", "commission.create"]);
    expect(aynur.items.every((e) => e.actor === AYNUR.name)).toBe(true);
    const bolot = await auditPage({ actor: "осмонов" });
    expect(actions(bolot.items)).toEqual(["commitment.update", "commission.create"]);
    expect(bolot.items.every((e) => e.actor === BOLOT.name)).toBe(true);
    // LIKE's wildcards are taken literally.
    expect((await auditPage({ actor: "%" })).items).toEqual([]);
  });

  it("filters by action, entity type and entity", async () => {
    expect(actions((await auditPage({ action: "commission.create" })).items)).toEqual([
      "commission.create",
      "commission.create",
    ]);
    expect((await auditPage({ entityType: "session" })).items.map((e) => e.entityId)).toEqual([sessionId]);
    expect(actions((await auditPage({ entityId: commitment.id })).items)).toEqual([
      "commitment.update",
      "commitment.update",
      "commitment.create",
    ]);
  });

  it("filters by commission: the commission and the records that belong to it", async () => {
    const mine = await auditPage({ commissionId });
    expect(mine.items.map((e) => `${e.entityType} ${e.action}`)).toEqual([
      "commitment commitment.update",
      "commitment commitment.update",
      "commitment commitment.create",
      "session session.create",
      "commission commission.create",
    ]);
    const other = await auditPage({ commissionId: otherCommissionId });
    expect(other.items.map((e) => e.entityId)).toEqual([otherCommissionId]);
  });

  it("filters by days, both ends included", async () => {
    expect((await auditPage({ from: utcDay(0), to: utcDay(0) })).items.length).toBeGreaterThanOrEqual(5);
    expect((await auditPage({ from: utcDay(1) })).items).toEqual([]);
    expect((await auditPage({ to: utcDay(-1) })).items).toEqual([]);
  });

  it("pages newest first without repeating or skipping events of one transaction", async () => {
    const actor: Actor = { name: "Pager", requestId: null };
    await database.db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 7; i++) {
        await recordAudit(trx, actor, {
          action: "test.page",
          entityType: "test",
          entityId: `item-${i}`,
          before: null,
          after: { i },
        });
      }
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    const pageSizes: number[] = [];
    do {
      const page = await auditPage({ actor: "pager", limit: "3", ...(cursor ? { cursor } : {}) });
      pageSizes.push(page.items.length);
      seen.push(...page.items.map((e) => e.entityId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pageSizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(["item-7", "item-6", "item-5", "item-4", "item-3", "item-2", "item-1"]);
  });

  it("refuses filters it cannot use, naming the field", async () => {
    const cases: [string, string][] = [
      ["from=2026-07-02&to=2026-07-01", "to"],
      ["from=yesterday", "from"],
      ["cursor=not-a-cursor", "cursor"],
      ["commissionId=42", "commissionId"],
      ["entityType=Commitment;drop", "entityType"],
      ["colour=red", "colour"],
    ];
    for (const [query, field] of cases) {
      const res = await app.request(`/api/audit?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.message, query).toContain(field);
    }
  });
});

describe("append-only", () => {
  it("refuses UPDATE and DELETE of an audit event, even on the application's own connection", async () => {
    const before = await countAudit();
    await expect(sql`update audit_events set actor = 'someone else'`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(database.db)).rejects.toThrow(/append-only/);
    expect(await countAudit()).toBe(before);
    const actors = await database.db.selectFrom("audit_events").select("actor").distinct().execute();
    expect(actors.map((a) => a.actor)).not.toContain("someone else");
  });

  it("lets TRUNCATE through, for restoring a backup", async () => {
    const restored = new Error("rolled back on purpose");
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`truncate audit_events`.execute(trx);
        expect(await trx.selectFrom("audit_events").select("id").execute()).toEqual([]);
        throw restored;
      }),
    ).rejects.toBe(restored);
    expect(await countAudit()).toBeGreaterThan(0);
  });

  it("keeps an event whose account is deleted: only the link to the account is cleared", async () => {
    const user = await sql<{ id: string }>`
      insert into users (email, display_name) values ('gone@example.org', 'Gone') returning id`.execute(database.db);
    const userId = user.rows[0]?.id as string;
    await recordAudit(
      database.db,
      { name: "Gone", requestId: null, userId },
      {
        action: "test.account",
        entityType: "test",
        entityId: "account",
        before: null,
        after: { x: 1 },
      },
    );
    await sql`delete from users where id = ${userId}`.execute(database.db);
    const kept = await database.db
      .selectFrom("audit_events")
      .select(["actor", "actor_user_id", "after"])
      .where("action", "=", "test.account")
      .execute();
    expect(kept).toEqual([{ actor: "Gone", actor_user_id: null, after: { x: 1 } }]);
    await expect(
      sql`update audit_events set actor_user_id = null, actor = 'x' where action = 'test.account'`.execute(database.db),
    ).rejects.toThrow(/append-only/);
  });

  it("has no route that writes to the audit log", async () => {
    const spec = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, object> };
    const auditPaths = Object.entries(spec.paths).filter(([path]) => path.startsWith("/audit"));
    expect(auditPaths.map(([path, methods]) => [path, Object.keys(methods)])).toEqual([["/audit", ["get"]]]);
  });
});

describe("a write that fails midway", () => {
  it("leaves neither its first statement nor an audit event (a schedule step that cannot move a held session)", async () => {
    const stepsOf = () =>
      database.db.selectFrom("session_schedule_steps").select("id").where("session_id", "=", sessionId).execute();
    const [stepsBefore, auditBefore] = [await stepsOf(), await countAudit()];
    // The service inserts the step, then finds the session held and throws.
    const res = await app.request(
      `/api/sessions/${sessionId}/schedule-steps`,
      jsonRequest("POST", { kind: "agreement", proposedStartsOn: "2026-09-01", occurredOn: "2026-06-01" }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("held");
    expect(await stepsOf()).toEqual(stepsBefore);
    expect(await countAudit()).toBe(auditBefore);
  });

  it("takes its audit event down with it when a later statement fails", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await recordAudit(
          trx,
          { name: "Half done", requestId: null },
          {
            action: "commitment.update",
            entityType: "commitment",
            entityId: commitment.id,
            before: { progress: 0 },
            after: { progress: 150 },
          },
        );
        await trx.updateTable("commitments").set({ progress: 150 }).where("id", "=", commitment.id).execute();
      }),
    ).rejects.toThrow(/check constraint/);
    expect((await auditPage({ actor: "Half done" })).items).toEqual([]);
    const row = await database.db
      .selectFrom("commitments")
      .select("progress")
      .where("id", "=", commitment.id)
      .executeTakeFirstOrThrow();
    expect(row.progress).toBe(0);
  });
});
