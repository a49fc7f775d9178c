import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  PublicAgreementPage,
  PublicCommission,
  PublicCommissionList,
  PublicProgress,
  PublicSessionList,
} from "../../../shared/api/publication.ts";
import type { Database } from "../../db/client.ts";
import { makeCommission, makeCommitment, makeOrganization, makePerson, makeSession } from "../../testing/factories.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { createPublicationService } from "./publication.service.ts";

// The public view answers without any credentials: every public request here is a plain GET with no headers.

const NOW = new Date("2026-07-01T10:00:00Z");
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let publication: ReturnType<typeof createPublicationService>;

/** Values that exist in the database but must never reach a public response. */
const PRIVATE = {
  focalPointEmail: "focal.secret@example.org",
  focalPointName: "Focalia Hiddenova",
  watcherEmail: "watcher.secret@example.org",
  comment: "COMMENT-PRIVATE-7731",
  updateNote: "UPDATE-NOTE-PRIVATE-4410",
  updateAuthor: "Author Privatov",
  evidenceFile: "evidence-private-5521.pdf",
  documentTitle: "DOC-PRIVATE-9902",
  formerCoChair: "Former Cochair Hidden",
  withheldText: "WITHHELD-ITEM-8120",
  unpublishedName: "UNPUBLISHED-COMMISSION-3303",
  unpublishedItem: "UNPUBLISHED-ITEM-6604",
  draftName: "DRAFT-COMMISSION-1207",
};

const ids = {
  published: "",
  session: "",
  lateItem: "",
  doneItem: "",
  withheldItem: "",
  unpublished: "",
  unpublishedSession: "",
  draft: "",
};

async function publish(
  commissionId: string,
  parts: { published?: boolean; sessions?: boolean; agreements?: boolean; progress?: boolean },
) {
  const current = await publication.settings(commissionId);
  return publication.updateSettings(
    commissionId,
    {
      published: parts.published ?? true,
      sessions: parts.sessions ?? true,
      agreements: parts.agreements ?? true,
      progress: parts.progress ?? true,
      version: current.version,
    },
    SYSTEM_ACTOR,
  );
}

async function addCoChair(commissionId: string, side: string, name: string, period: { ends?: string } = {}) {
  const person = await makePerson(database.db, { name: { en: name } });
  const position = await database.db
    .insertInto("positions")
    .values({
      person_id: person.id,
      organization_id: null,
      title: JSON.stringify({ en: "Minister of Economy" }),
      starts_on: null,
      ends_on: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto("commission_co_chairs")
    .values({
      commission_id: commissionId,
      side,
      position_id: position.id,
      starts_on: period.ends ? "2020-01-01" : "2024-01-01",
      ends_on: period.ends ?? null,
    })
    .execute();
}

/** Everything internal the secretariat keeps about one commitment: focal point, comment, watcher, note, evidence. */
async function addInternalRecord(commitmentId: string, organizationId: string) {
  const db = database.db;
  const focalPoint = await db
    .insertInto("focal_points")
    .values({
      organization_id: organizationId,
      person_id: null,
      name: PRIVATE.focalPointName,
      email: PRIVATE.focalPointEmail,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("commitment_focal_points")
    .values({ commitment_id: commitmentId, focal_point_id: focalPoint.id })
    .execute();
  await db
    .insertInto("commitment_comments")
    .values({ commitment_id: commitmentId, author_name: "Clerk", text: PRIVATE.comment })
    .execute();
  await db
    .insertInto("commitment_watchers")
    .values({ commitment_id: commitmentId, email: PRIVATE.watcherEmail, name: null })
    .execute();
  const update = await db
    .insertInto("status_updates")
    .values({
      commitment_id: commitmentId,
      side: "AZ",
      author_name: PRIVATE.updateAuthor,
      previous_status: "not_started",
      status: "in_progress",
      previous_progress: 0,
      progress: 40,
      text: PRIVATE.updateNote,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const content = Buffer.from("%PDF-1.4 evidence");
  await db
    .insertInto("status_update_files")
    .values({
      status_update_id: update.id,
      file_name: PRIVATE.evidenceFile,
      media_type: "application/pdf",
      size_bytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    })
    .execute();
  await db
    .updateTable("commitments")
    .set({ status: "in_progress", progress: 40 })
    .where("id", "=", commitmentId)
    .execute();
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database, () => NOW);
  publication = createPublicationService(database.db, () => NOW);
  const db = database.db;

  const commission = await makeCommission(db, { name: { en: "Azerbaijan–Kyrgyzstan commission" } });
  ids.published = commission.id;
  await addCoChair(commission.id, "AZ", "Samir Sharifov");
  await addCoChair(commission.id, "KG", PRIVATE.formerCoChair, { ends: "2023-12-31" });
  const session = await makeSession(db, commission.id, { number: 6 });
  ids.session = session.id;
  const ministry = await makeOrganization(db, { country: "AZ", name: { en: "Ministry of Energy" } });
  const late = await makeCommitment(db, session.id, {
    sector: "energy",
    text: { en: "Build the power line" },
    deadline: "2026-03",
    responsible: [{ organizationId: ministry.id, side: "AZ", lead: true }],
  });
  ids.lateItem = late.id;
  await addInternalRecord(late.id, ministry.id);
  const done = await makeCommitment(db, session.id, { sector: "trade", text: { en: "Open the trade house" } });
  ids.doneItem = done.id;
  await db.updateTable("commitments").set({ status: "done", progress: 100 }).where("id", "=", done.id).execute();
  const withheld = await makeCommitment(db, session.id, { sector: "trade", text: { en: PRIVATE.withheldText } });
  ids.withheldItem = withheld.id;
  await publication.withhold(withheld.id, true, SYSTEM_ACTOR);
  await db
    .insertInto("documents")
    .values({
      commission_id: commission.id,
      session_id: session.id,
      kind: "protocol",
      title: JSON.stringify({ en: PRIVATE.documentTitle }),
      signed_on: null,
      source: null,
    })
    .execute();
  await publish(commission.id, {});

  // Never published: no settings row at all.
  const unpublished = await makeCommission(db, { countries: ["AZ", "UZ"], name: { en: PRIVATE.unpublishedName } });
  ids.unpublished = unpublished.id;
  const unpublishedSession = await makeSession(db, unpublished.id, { number: 1 });
  ids.unpublishedSession = unpublishedSession.id;
  await makeCommitment(db, unpublishedSession.id, { text: { en: PRIVATE.unpublishedItem } });

  // Every part switched on, but the commission itself not published.
  const draft = await makeCommission(db, { countries: ["AZ", "KZ"], name: { en: PRIVATE.draftName } });
  ids.draft = draft.id;
  await makeSession(db, draft.id, { number: 1 });
  await publish(draft.id, { published: false });
});
afterAll(() => database.drop());

async function publicGet<T>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  return (await res.json()) as T;
}

const publicUrls = (id: string, sessionId: string) => [
  `/api/public/commissions/${id}`,
  `/api/public/commissions/${id}/sessions`,
  `/api/public/commissions/${id}/agreements`,
  `/api/public/commissions/${id}/agreements?sessionId=${sessionId}`,
  `/api/public/commissions/${id}/progress`,
];

/** Every string (keys too) anywhere in a JSON value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
  return [];
}

describe("the public view of a published commission", () => {
  it("lists only published commissions", async () => {
    const list = await publicGet<PublicCommissionList>("/api/public/commissions");
    expect(list.items.map((c) => c.id)).toEqual([ids.published]);
    expect(list.items[0]).toEqual({
      id: ids.published,
      countries: ["AZ", "KG"],
      name: { en: "Azerbaijan–Kyrgyzstan commission" },
      shortName: null,
      isDemo: false,
    });
  });

  it("shows the commission with its co-chairs in office, by name and title only", async () => {
    const commission = await publicGet<PublicCommission>(`/api/public/commissions/${ids.published}`);
    expect(commission.coChairs).toEqual([
      { side: "AZ", name: { en: "Samir Sharifov" }, title: { en: "Minister of Economy" } },
    ]);
    expect(commission.publishes).toEqual({ sessions: true, agreements: true, progress: true });
  });

  it("shows sessions with the number of agreements the public can read", async () => {
    const sessions = await publicGet<PublicSessionList>(`/api/public/commissions/${ids.published}/sessions`);
    expect(sessions.items).toMatchObject([{ id: ids.session, number: 6, status: "held", agreementCount: 2 }]);
  });

  it("shows agreements in protocol order with responsible organisations, status, percent and lateness", async () => {
    const page = await publicGet<PublicAgreementPage>(`/api/public/commissions/${ids.published}/agreements`);
    expect(page.items.map((a) => a.id)).toEqual([ids.lateItem, ids.doneItem]);
    expect(page.items[0]).toEqual({
      id: ids.lateItem,
      session: { id: ids.session, number: 6 },
      itemNumber: null,
      text: { en: "Build the power line" },
      sector: "energy",
      deadline: "2026-03",
      dueDate: "2026-03-31",
      responsible: [{ name: { en: "Ministry of Energy" }, side: "AZ" }],
      progress: { status: "in_progress", percent: 40, late: true },
    });
    expect(page.items[1]?.progress).toEqual({ status: "done", percent: 100, late: false });
  });

  it("pages through agreements with a cursor", async () => {
    const first = await publicGet<PublicAgreementPage>(`/api/public/commissions/${ids.published}/agreements?limit=1`);
    expect(first.items.map((a) => a.id)).toEqual([ids.lateItem]);
    const second = await publicGet<PublicAgreementPage>(
      `/api/public/commissions/${ids.published}/agreements?limit=1&cursor=${first.nextCursor}`,
    );
    expect(second).toMatchObject({ items: [{ id: ids.doneItem }], nextCursor: null });
  });

  it("rolls up progress over the published agreements only", async () => {
    const progress = await publicGet<PublicProgress>(`/api/public/commissions/${ids.published}/progress`);
    expect(progress.asOf).toBe("2026-07-01");
    expect(progress.totals).toEqual({
      total: 2,
      notStarted: 0,
      inProgress: 1,
      done: 1,
      dropped: 0,
      late: 1,
      progress: 70,
    });
    expect(progress.bySector.map((s) => [s.sector, s.total])).toEqual([
      ["trade", 1],
      ["energy", 1],
    ]);
    expect(progress.bySession).toMatchObject([{ sessionId: ids.session, sessionNumber: 6, total: 2 }]);
  });

  it("never answers a private field: e-mails, comments, notes, evidence, documents, former co-chairs, withheld items", async () => {
    const responses = await Promise.all(
      ["/api/public/commissions", ...publicUrls(ids.published, ids.session)].map((url) => publicGet<unknown>(url)),
    );
    const strings = responses.flatMap(stringsOf);
    for (const value of Object.values(PRIVATE)) {
      expect(
        strings.filter((s) => s.includes(value)),
        value,
      ).toEqual([]);
    }
    for (const key of [
      "email",
      "comments",
      "watchers",
      "focalPoints",
      "evidence",
      "droppedReason",
      "awaitingConfirmation",
    ]) {
      expect(strings, key).not.toContain(key);
    }
    // The sweep would pass on empty answers: the published facts are there.
    expect(strings).toContain("Build the power line");
  });
});

describe("an unpublished commission", () => {
  const missing = "00000000-0000-4000-8000-000000000000";

  it("is 404 on every public URL, answering exactly as for an id that does not exist", async () => {
    for (const id of [ids.unpublished, ids.draft]) {
      for (const url of publicUrls(id, ids.unpublishedSession)) {
        const body = await publicGet<{ error: { code: string; message: string } }>(url, 404);
        const other = await publicGet<{ error: { code: string; message: string } }>(url.replaceAll(id, missing), 404);
        expect(body.error.code).toBe("not_found");
        expect(body.error.message).toBe(other.error.message.replaceAll(missing, id));
      }
    }
  });

  it("does not leak its agreements through a published commission's URLs", async () => {
    const page = await publicGet<PublicAgreementPage>(
      `/api/public/commissions/${ids.published}/agreements?sessionId=${ids.unpublishedSession}`,
    );
    expect(page.items).toEqual([]);
  });

  it("is public once published, and hidden again when unpublished", async () => {
    await publish(ids.draft, {});
    await publicGet(`/api/public/commissions/${ids.draft}`);
    await publish(ids.draft, { published: false });
    await publicGet(`/api/public/commissions/${ids.draft}`, 404);
  });
});

describe("the parts a commission publishes", () => {
  afterAll(() => publish(ids.published, {}));

  it("hides agreements when agreements are switched off, and keeps the rest", async () => {
    await publish(ids.published, { agreements: false });
    const body = await publicGet<{ error: { message: string } }>(
      `/api/public/commissions/${ids.published}/agreements`,
      404,
    );
    expect(body.error.message).toBe("This commission does not publish its agreements.");
    const sessions = await publicGet<PublicSessionList>(`/api/public/commissions/${ids.published}/sessions`);
    expect(sessions.items[0]?.agreementCount).toBe(0);
    const commission = await publicGet<PublicCommission>(`/api/public/commissions/${ids.published}`);
    expect(commission.publishes).toEqual({ sessions: true, agreements: false, progress: true });
  });

  it("shows agreements without status or percent when progress is switched off", async () => {
    await publish(ids.published, { progress: false });
    const page = await publicGet<PublicAgreementPage>(`/api/public/commissions/${ids.published}/agreements`);
    expect(page.items.map((a) => a.progress)).toEqual([null, null]);
    await publicGet(`/api/public/commissions/${ids.published}/progress`, 404);
  });

  it("hides sessions when sessions are switched off", async () => {
    await publish(ids.published, { sessions: false });
    await publicGet(`/api/public/commissions/${ids.published}/sessions`, 404);
  });

  it("shows a withheld agreement again once the secretariat releases it", async () => {
    await publish(ids.published, {});
    await publication.withhold(ids.withheldItem, false, SYSTEM_ACTOR);
    const page = await publicGet<PublicAgreementPage>(`/api/public/commissions/${ids.published}/agreements`);
    expect(page.items.map((a) => a.id)).toContain(ids.withheldItem);
    await publication.withhold(ids.withheldItem, true, SYSTEM_ACTOR);
    const again = await publicGet<PublicAgreementPage>(`/api/public/commissions/${ids.published}/agreements`);
    expect(again.items.map((a) => a.id)).not.toContain(ids.withheldItem);
  });
});

describe("the secretariat's publication settings", () => {
  it("start unpublished, and a change is audited with before and after", async () => {
    const commission = await makeCommission(database.db, { countries: ["AZ", "TR"] });
    const url = `/api/commissions/${commission.id}/publication`;
    const initial = (await (await app.request(url)).json()) as { published: boolean; version: number };
    expect(initial).toMatchObject({
      published: false,
      sessions: false,
      agreements: false,
      progress: false,
      version: 0,
    });

    const body = { published: true, sessions: true, agreements: false, progress: false, version: 0 };
    const res = await app.request(url, jsonRequest("PUT", body));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ published: true, sessions: true, agreements: false, version: 1 });

    const audit = await database.db
      .selectFrom("audit_events")
      .select(["action", "before", "after"])
      .where("entity_id", "=", commission.id)
      .where("action", "=", "commission.publication")
      .execute();
    expect(audit).toEqual([
      {
        action: "commission.publication",
        before: null,
        after: { published: true, publish_sessions: true, publish_commitments: false, publish_progress: false },
      },
    ]);
  });

  it("refuses a stale version, an unknown field and an unknown commission", async () => {
    const url = `/api/commissions/${ids.published}/publication`;
    const stale = await app.request(
      url,
      jsonRequest("PUT", { published: false, sessions: false, agreements: false, progress: false, version: 1 }),
    );
    expect(stale.status).toBe(409);
    const unknown = await app.request(
      url,
      jsonRequest("PUT", {
        published: true,
        sessions: true,
        agreements: true,
        progress: true,
        version: 1,
        emails: true,
      }),
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("emails");
    const missing = await app.request(
      "/api/commissions/00000000-0000-4000-8000-000000000000/publication",
      jsonRequest("PUT", { published: true, sessions: true, agreements: true, progress: true, version: 0 }),
    );
    expect(missing.status).toBe(404);
  });

  it("lists the withheld agreements", async () => {
    const settings = await publication.settings(ids.published);
    expect(settings.withheld).toMatchObject([{ commitmentId: ids.withheldItem, text: { en: PRIVATE.withheldText } }]);
  });
});
