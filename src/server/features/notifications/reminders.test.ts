import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Inbox, Notification } from "../../../shared/api/notifications.ts";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import { makeCommission, makeCommitment, makeOrganization, makeSession } from "../../testing/factories.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { deliverPending } from "./delivery.ts";
import { createSmtpMailer, type Mailer, mailerFor } from "./mailer.ts";
import { enqueueStatusChange } from "./outbox.ts";
import { type ReminderDependencies, runReminders } from "./reminder-run.ts";
import { type SmtpPeer, startSmtpPeer } from "./test-smtp-peer.ts";

// Runs on PGlite and, in the db-postgres project, on the PostgreSQL server, against a real SMTP peer on 127.0.0.1.
const TODAY = "2026-07-01";
const PUBLIC_URL = "https://igc.example.org";
const AIDA = "aida.mammadova@socar.example";

let database: Database & { drop: () => Promise<void> };
let peer: SmtpPeer;
let mailer: Mailer;
let deps: ReminderDependencies;
let sessionId: string;
let organizationId: string;
let aida: string;

const logger = pino({ level: "silent" });
const runToday = (options: { digest?: boolean } = {}) =>
  runReminders(deps, { today: TODAY, digest: options.digest ?? false, send: true });

async function makeFocalPoint(
  email: string,
  overrides: { name?: string; active?: boolean; organizationId?: string } = {},
) {
  const row = await database.db
    .insertInto("focal_points")
    .values({
      organization_id: overrides.organizationId ?? organizationId,
      name: overrides.name ?? "Focal point",
      email,
      active: overrides.active ?? true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A commitment with a deadline, assigned to focal points the way the monitoring feature stores it. */
async function makeAssignedCommitment(
  deadline: string | null,
  focalPointIds: string[],
  text = `Agreement ${randomUUID()}`,
) {
  const commitment = await makeCommitment(database.db, sessionId, {
    deadline,
    text: { en: text, ru: `Договорённость: ${text}` },
    responsible: [{ organizationId, side: "AZ", lead: true }],
  });
  await database.db
    .insertInto("commitment_focal_points")
    .values(focalPointIds.map((id) => ({ commitment_id: commitment.id, focal_point_id: id })))
    .execute();
  return commitment.id;
}

function notificationsOf(commitmentId: string) {
  return database.db.selectFrom("notifications").selectAll().where("commitment_id", "=", commitmentId).execute();
}

function receivedFor(commitmentId: string) {
  return peer.received.filter((m) => m.text.includes(`${PUBLIC_URL}/commitments/${commitmentId}`));
}

beforeAll(async () => {
  database = await openTestDatabase();
  peer = await startSmtpPeer();
  const config = loadConfig({
    SMTP_URL: peer.url,
    IGC_PUBLIC_URL: PUBLIC_URL,
    MAIL_FROM: "IGC Desk <desk@example.org>",
  });
  const configured = mailerFor(config.mail);
  if (configured === null) throw new Error("SMTP_URL did not reach the configuration");
  mailer = configured;
  deps = { db: database.db, mailer, publicUrl: config.publicUrl, logger };
  const commission = await makeCommission(database.db, {
    name: { en: "Azerbaijan–Kyrgyzstan Intergovernmental Commission", ru: "Азербайджано-кыргызская МПК" },
  });
  sessionId = (await makeSession(database.db, commission.id, { number: 5 })).id;
  organizationId = (await makeOrganization(database.db, { country: "AZ", name: { en: "SOCAR" } })).id;
  aida = await makeFocalPoint(AIDA, { name: "Aida Mammadova" });
});

afterAll(async () => {
  mailer?.close();
  await peer?.close();
  await database?.drop();
});

describe(`reminders, digests and the inbox on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  it("e-mails exactly one reminder, with a link, to the focal point of a commitment due tomorrow, however often it runs", async () => {
    const dueTomorrow = await makeAssignedCommitment("2026-07-02", [aida]);

    const first = await runToday();
    expect(first).toEqual({ reminders: 1, digests: 0, delivery: { sent: 1, failed: 0 } });
    expect(peer.received).toHaveLength(1);
    const [email] = peer.received;
    expect(email?.to).toEqual([AIDA]);
    expect(email?.text).toContain(`${PUBLIC_URL}/commitments/${dueTomorrow}`);
    expect(email?.subject).toMatch(/^Due tomorrow: .* · Срок завтра: /);
    expect(email?.text).toContain("Dear Aida Mammadova,");
    expect(email?.text).toContain("Здравствуйте, Aida Mammadova!");
    expect(email?.text).toContain("2 July 2026");
    expect(email?.text).toContain("2 июля 2026");

    const again = await runToday();
    expect(again).toEqual({ reminders: 0, digests: 0, delivery: { sent: 0, failed: 0 } });
    expect(peer.received).toHaveLength(1);
    const [row] = await notificationsOf(dueTomorrow);
    expect(row).toMatchObject({
      kind: "reminder_before",
      recipient_email: AIDA,
      focal_point_id: aida,
      link: `/commitments/${dueTomorrow}`,
      dedupe_key: `reminder:${dueTomorrow}:${aida}:2026-07-02:1`,
      send_error: null,
      send_attempts: 1,
    });
    expect(row?.sent_at).not.toBeNull();
    expect(email?.notificationId).toBe(row?.id);
  });

  it("leaves out done, dropped, ongoing and undated commitments, and inactive focal points", async () => {
    const done = await makeAssignedCommitment("2026-07-02", [aida]);
    const dropped = await makeAssignedCommitment("2026-07-01", [aida]);
    await database.db
      .updateTable("commitments")
      .set({ status: "done", progress: 100 })
      .where("id", "=", done)
      .execute();
    await database.db
      .updateTable("commitments")
      .set({ status: "dropped", dropped_reason: "No longer needed" })
      .where("id", "=", dropped)
      .execute();
    const ongoing = await makeAssignedCommitment("ongoing", [aida]);
    const undated = await makeAssignedCommitment(null, [aida]);
    const away = await makeFocalPoint("away@socar.example", { active: false });
    const ofAbsent = await makeAssignedCommitment("2026-07-02", [away]);

    expect(await runToday()).toEqual({ reminders: 0, digests: 0, delivery: { sent: 0, failed: 0 } });
    for (const id of [done, dropped, ongoing, undated, ofAbsent]) expect(await notificationsOf(id)).toEqual([]);
    expect(peer.received).toHaveLength(1);
  });

  it("reminds a week before the due date and on the day itself", async () => {
    const inAWeek = await makeAssignedCommitment("2026-07-08", [aida]);
    const dueToday = await makeAssignedCommitment("2026-07-01", [aida]);
    const inNineDays = await makeAssignedCommitment("2026-07-10", [aida]);

    expect(await runToday()).toMatchObject({ reminders: 2, delivery: { sent: 2, failed: 0 } });
    expect((await notificationsOf(inAWeek)).map((n) => [n.kind, n.dedupe_key])).toEqual([
      ["reminder_before", `reminder:${inAWeek}:${aida}:2026-07-08:7`],
    ]);
    expect((await notificationsOf(dueToday)).map((n) => [n.kind, n.dedupe_key])).toEqual([
      ["reminder_due", `reminder:${dueToday}:${aida}:2026-07-01:0`],
    ]);
    expect(await notificationsOf(inNineDays)).toEqual([]);
    expect(receivedFor(inAWeek).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Due in 7 days: .* · Срок через 7 дней: /),
    ]);
    expect(receivedFor(dueToday).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Due today: .* · Срок сегодня: /),
    ]);
  });

  it("sends one weekly digest per address: open agreements, nearest deadline first, the late one flagged", async () => {
    const late = await makeAssignedCommitment("2026-06-20", [aida], "Open the joint trading house");
    // The same person is also the focal point of a second organisation: still one digest.
    const otherOrganization = (await makeOrganization(database.db, { country: "AZ" })).id;
    const aidaElsewhere = await makeFocalPoint(AIDA.toUpperCase(), { organizationId: otherOrganization });
    const quarter = await makeAssignedCommitment("2026-Q3", [aidaElsewhere], "Hold the business forum");
    const before = peer.received.length;

    expect(await runToday({ digest: true })).toMatchObject({ digests: 1, delivery: { sent: 1, failed: 0 } });
    expect(peer.received).toHaveLength(before + 1);
    const digest = peer.received.at(-1);
    expect(digest?.to).toEqual([AIDA]);
    expect(digest?.subject).toBe(
      "Weekly digest 2026-W27: 8 open agreements, 1 late · Сводка за неделю 2026-W27: открытых договорённостей — 8, просрочено — 1",
    );
    const english = digest?.text.split("— — —")[0] ?? "";
    const order = ["2026-06-20", "2026-07-01", "2026-07-02", "2026-07-08", "2026-07-10", "2026-09-30"].map((day) =>
      english.indexOf(new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(day))),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(english.indexOf("no due date")).toBeGreaterThan(order.at(-1) ?? 0);
    expect(english.match(/\[LATE\]/g)).toHaveLength(1);
    expect(english).toMatch(/\[LATE\] [^\n]+\n {3}Open the joint trading house/);
    expect(digest?.text).toContain("[ПРОСРОЧЕНО]");
    expect(digest?.text).toContain(`${PUBLIC_URL}/commitments/${late}`);
    expect(digest?.text).toContain(`${PUBLIC_URL}/commitments/${quarter}`);

    expect(await runToday({ digest: true })).toMatchObject({ digests: 0, delivery: { sent: 0, failed: 0 } });
    const digests = await database.db.selectFrom("notifications").selectAll().where("kind", "=", "digest").execute();
    expect(digests.map((d) => d.dedupe_key)).toEqual([`digest:${AIDA}:2026-W27`]);
  });

  it("tells watchers and focal points of a status change, in both languages", async () => {
    const commitmentId = await makeAssignedCommitment("2026-12-31", [aida], "Open a direct flight Baku–Bishkek");
    await database.db
      .insertInto("commitment_watchers")
      .values({ commitment_id: commitmentId, email: "Secretariat@Economy.example", name: "Secretariat" })
      .execute();
    await database.db.transaction().execute((trx) =>
      enqueueStatusChange(trx, {
        commitmentId,
        statusUpdateId: randomUUID(),
        kind: "update",
        side: "AZ",
        actorName: "Aida Mammadova",
        previous: { status: "not_started", progress: 0 },
        next: { status: "in_progress", progress: 40 },
        text: "The airlines agreed the schedule.",
      }),
    );
    expect(await runToday()).toMatchObject({ delivery: { sent: 2, failed: 0 } });
    const told = receivedFor(commitmentId);
    expect(told.flatMap((m) => m.to).sort()).toEqual([AIDA, "secretariat@economy.example"]);
    for (const message of told) {
      expect(message.subject).toContain("Status changed");
      expect(message.subject).toContain("Изменён статус");
      expect(message.text).toContain("not started, 0% → in progress, 40%");
      expect(message.text).toContain("не начато, 0% → в работе, 40%");
      expect(message.text).toContain("The airlines agreed the schedule.");
    }
  });

  it("shows the same messages in the in-app inbox, where they can be marked read", async () => {
    const app = createTestApp(database);
    const inbox = async (query: string): Promise<Inbox> =>
      (await app.request(`/api/inbox?email=${encodeURIComponent(AIDA.toUpperCase())}${query}`)).json();

    const all = await inbox("");
    const rows = await database.db
      .selectFrom("notifications")
      .select(["id", "subject", "body"])
      .where("recipient_email", "=", AIDA)
      .orderBy("created_at", "desc")
      .execute();
    expect(all.items.map((n) => n.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(all.unreadCount).toBe(rows.length);
    const emailed = new Map(peer.received.map((m) => [m.notificationId, m]));
    for (const item of all.items) {
      expect(emailed.get(item.id)?.subject).toBe(item.subject);
      expect(emailed.get(item.id)?.text).toContain(item.body.split("\n")[0]);
      expect(item.sentAt).not.toBeNull();
      expect(item.link).toBe(item.kind === "digest" ? null : `/commitments/${item.commitmentId}`);
    }

    const first = all.items[0] as Notification;
    const read = await app.request(`/api/notifications/${first.id}/read`, jsonRequest("POST", {}));
    expect(read.status).toBe(200);
    const marked: Notification = await read.json();
    expect(marked.readAt).not.toBeNull();
    const again: Notification = await (
      await app.request(`/api/notifications/${first.id}/read`, { method: "POST" })
    ).json();
    expect(again.readAt).toBe(marked.readAt);

    const unread = await inbox("&unread=true");
    expect(unread.unreadCount).toBe(rows.length - 1);
    expect(unread.items.map((n) => n.id)).not.toContain(first.id);
    const audit = await database.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", first.id)
      .execute();
    expect(audit).toEqual([{ action: "notification.read" }]);

    expect((await app.request(`/api/notifications/${randomUUID()}/read`, { method: "POST" })).status).toBe(404);
    const invalid = await app.request("/api/inbox?email=not-an-address");
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("records the reason when the server refuses a recipient for good, leaves it unsent and does not retry", async () => {
    const refused = "left.the.ministry@socar.example";
    peer.replyTo.set(refused, { code: 550, message: "Mailbox unavailable" });
    const commitmentId = await makeAssignedCommitment("2026-07-02", [await makeFocalPoint(refused)]);

    expect(await runToday()).toMatchObject({ reminders: 1, delivery: { sent: 0, failed: 1 } });
    const [row] = await notificationsOf(commitmentId);
    expect(row?.sent_at).toBeNull();
    expect(row?.send_error).toMatch(/550.*Mailbox unavailable/);
    expect(row).toMatchObject({ send_attempts: 1, next_attempt_at: null });
    expect(receivedFor(commitmentId)).toEqual([]);

    expect(await runToday()).toMatchObject({ delivery: { sent: 0, failed: 0 } });
  });

  it("tries again later after a temporary refusal, and then delivers", async () => {
    const busy = "busy@socar.example";
    peer.replyTo.set(busy, { code: 451, message: "Try again later" });
    const commitmentId = await makeAssignedCommitment("2026-07-02", [await makeFocalPoint(busy)]);

    expect(await runToday()).toMatchObject({ delivery: { sent: 0, failed: 1 } });
    const waiting = await database.db
      .selectFrom("notifications")
      .select(["send_error", sql<boolean>`next_attempt_at > now() + interval '14 minutes'`.as("later")])
      .where("commitment_id", "=", commitmentId)
      .executeTakeFirstOrThrow();
    expect(waiting).toEqual({ send_error: expect.stringMatching(/451/), later: true });
    expect(await runToday()).toMatchObject({ delivery: { sent: 0, failed: 0 } });

    peer.replyTo.delete(busy);
    await database.db
      .updateTable("notifications")
      .set({ next_attempt_at: sql<string>`now() - interval '1 second'` })
      .where("commitment_id", "=", commitmentId)
      .execute();
    expect(await runToday()).toMatchObject({ delivery: { sent: 1, failed: 0 } });
    const [row] = await notificationsOf(commitmentId);
    expect(row).toMatchObject({ send_error: null, send_attempts: 2, next_attempt_at: null });
    expect(receivedFor(commitmentId)).toHaveLength(1);
  });

  it("sends each message once when two instances deliver at the same time", async () => {
    const ids = (
      await database.db
        .insertInto("notifications")
        .values(
          Array.from({ length: 9 }, (_, i) => ({
            kind: "status_change" as const,
            recipient_email: `watcher${i}@economy.example`,
            subject: `Message ${i}`,
            body: "Text",
            dedupe_key: `test:parallel:${i}`,
          })),
        )
        .returning("id")
        .execute()
    ).map((r) => r.id);
    const secondInstance = createSmtpMailer({ smtpUrl: peer.url, from: "desk@example.org" });
    try {
      const results = await Promise.all(
        [mailer, secondInstance].map((m) =>
          deliverPending(database.db, m, { publicUrl: PUBLIC_URL, logger, batchSize: 2 }),
        ),
      );
      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(9);
      expect(results.every((r) => r.sent > 0 && r.failed === 0)).toBe(true);
    } finally {
      secondInstance.close();
    }
    const received = peer.received.filter((m) => m.notificationId !== null && ids.includes(m.notificationId));
    expect(received.map((m) => m.notificationId).sort()).toEqual([...ids].sort());
  });

  it("keeps messages in the inbox only when no SMTP server is configured", async () => {
    const commitmentId = await makeAssignedCommitment("2026-07-02", [aida]);
    const before = peer.received.length;
    const summary = await runReminders({ ...deps, mailer: null }, { today: TODAY, digest: false, send: true });
    expect(summary).toEqual({ reminders: 1, digests: 0, delivery: null });
    expect(await notificationsOf(commitmentId)).toMatchObject([{ sent_at: null, send_error: null, send_attempts: 0 }]);
    expect(peer.received).toHaveLength(before);
  });
});
