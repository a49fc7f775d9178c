import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { createTestApp, jsonRequest } from "../testing/test-app.ts";
import { openTestDatabase } from "../testing/test-database.ts";

// The commission record written through the API, on both engines: commissions, co-chairs over time, sessions
// and their scheduling, programme and delegations, organisations with aliases and merging, people.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
});
afterAll(() => database.drop());

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  expected = method === "POST" ? 201 : 200,
): Promise<T> {
  const res = await app.request(path, body === undefined ? { method } : jsonRequest(method, body));
  const json = (await res.json()) as T;
  expect(res.status, JSON.stringify(json)).toBe(expected);
  return json;
}
type ErrorJson = { error: { code: string; message: string } };
type Commission = {
  id: string;
  version: number;
  coChairs: { side: string; name: { en: string }; startsOn: string | null; endsOn: string | null }[];
  sides: { country: string; secretariat: { id: string } | null }[];
};
type Session = {
  id: string;
  version: number;
  status: string;
  startsOn: string | null;
  datesViaDiplomaticChannels: boolean;
  events: { id: string; kind: string; parentId: string | null }[];
  scheduleSteps: { kind: string; noteReference: string | null }[];
  delegation: { id: string; side: string; role: string; person: { id: string } | null }[];
};

describe(`the commission record on ${process.env.IGC_TEST_ENGINE ?? "pglite"}`, () => {
  let commission: Commission;
  let ministry: { id: string };

  it("registers a commission and its secretariats, refusing an unknown country", async () => {
    ministry = await call("POST", "/api/organizations", {
      country: "KZ",
      kind: "ministry",
      name: {
        ru: "Министерство торговли и интеграции Республики Казахстан",
        en: "Ministry of Trade and Integration of Kazakhstan",
      },
      aliases: ["МТИ РК"],
    });
    commission = await call("POST", "/api/commissions", {
      countries: ["UZ", "KZ"],
      name: { en: "Kazakhstan–Uzbekistan Intergovernmental Commission" },
      secretariats: [{ country: "KZ", organizationId: ministry.id }],
    });
    expect(commission.sides.find((s) => s.country === "KZ")?.secretariat?.id).toBe(ministry.id);
    const bad = await call<ErrorJson>("POST", "/api/commissions", { countries: ["KZ", "XX"], name: { en: "x" } }, 400);
    expect(bad.error.message).toContain("countries.1");
    const same = await call<ErrorJson>("POST", "/api/commissions", { countries: ["KZ", "KZ"], name: { en: "x" } }, 400);
    expect(same.error.message).toContain("countries");
  });

  it("keeps the history of co-chairs when one changes between sessions", async () => {
    const first = await call<{ id: string }>("POST", "/api/people", { name: { en: "Serik Zhumangarin" } });
    const second = await call<{ id: string }>("POST", "/api/people", {
      name: { en: "Arman Shakkaliyev" },
      position: { title: { en: "Minister of Trade and Integration" }, organizationId: ministry.id },
    });
    await call("POST", `/api/commissions/${commission.id}/co-chairs`, {
      side: "KZ",
      personId: first.id,
      positionTitle: { en: "Deputy Prime Minister" },
      startsOn: "2023-01-10",
    });
    const after = await call<Commission>("POST", `/api/commissions/${commission.id}/co-chairs`, {
      side: "KZ",
      personId: second.id,
      positionTitle: { en: "Minister of Trade and Integration" },
      startsOn: "2025-03-01",
    });
    expect(after.coChairs.map((c) => [c.name.en, c.startsOn, c.endsOn])).toEqual([
      ["Arman Shakkaliyev", "2025-03-01", null],
      ["Serik Zhumangarin", "2023-01-10", "2025-02-28"],
    ]);
    await call<ErrorJson>(
      "POST",
      `/api/commissions/${commission.id}/co-chairs`,
      { side: "RU", personId: first.id, positionTitle: { en: "x" } },
      400,
    );
    const found = await call<{ items: { id: string }[] }>("GET", `/api/people?q=${encodeURIComponent("shakk")}`);
    expect(found.items.map((p) => p.id)).toEqual([second.id]);
  });

  it("plans a session with dates via diplomatic channels, then fixes them by an exchange of notes", async () => {
    const planned = await call<Session>("POST", `/api/commissions/${commission.id}/sessions`, {
      number: 12,
      hostCountry: "UZ",
      city: { en: "Tashkent" },
      datesViaDiplomaticChannels: true,
    });
    expect(planned).toMatchObject({ status: "planned", startsOn: null, datesViaDiplomaticChannels: true });
    await call("POST", `/api/sessions/${planned.id}/schedule-steps`, {
      kind: "proposal",
      fromSide: "UZ",
      proposedStartsOn: "2026-05-12",
      proposedEndsOn: "2026-05-13",
      noteReference: "Note No. 04/1187",
      occurredOn: "2026-02-02",
    });
    const agreed = await call<Session>("POST", `/api/sessions/${planned.id}/schedule-steps`, {
      kind: "agreement",
      fromSide: "KZ",
      proposedStartsOn: "2026-05-12",
      proposedEndsOn: "2026-05-13",
      noteReference: "Note No. 13-2/512",
      occurredOn: "2026-02-20",
    });
    expect(agreed).toMatchObject({ status: "dates_agreed", startsOn: "2026-05-12", datesViaDiplomaticChannels: false });
    expect(agreed.scheduleSteps.map((s) => s.kind)).toEqual(["proposal", "agreement"]);
    const noDates = await call<ErrorJson>(
      "POST",
      `/api/sessions/${planned.id}/schedule-steps`,
      { kind: "agreement", occurredOn: "2026-02-21" },
      400,
    );
    expect(noDates.error.message).toContain("proposedStartsOn");
    const clash = await call<ErrorJson>(
      "POST",
      `/api/commissions/${commission.id}/sessions`,
      { number: 12, hostCountry: "KZ" },
      409,
    );
    expect(clash.error.message).toContain("number");
    const held = await call<ErrorJson>(
      "PATCH",
      `/api/sessions/${planned.id}`,
      { version: agreed.version, status: "held", startsOn: null },
      400,
    );
    expect(held.error.message).toContain("startsOn");
  });

  it("builds the session's programme and delegations", async () => {
    const session = await call<Session>("POST", `/api/commissions/${commission.id}/sessions`, {
      number: 11,
      hostCountry: "KZ",
      status: "held",
      startsOn: "2025-04-03",
    });
    const withMeeting = await call<Session>("POST", `/api/sessions/${session.id}/events`, {
      kind: "extended_session",
      title: { en: "Extended session" },
    });
    const parentId = withMeeting.events[0]?.id;
    const withSigning = await call<Session>("POST", `/api/sessions/${session.id}/events`, {
      kind: "signing",
      title: { en: "Signing of the protocol" },
      parentId,
    });
    expect(withSigning.events.map((e) => [e.kind, e.parentId])).toEqual([
      ["extended_session", null],
      ["signing", parentId],
    ]);
    const withOrg = await call<Session>("POST", `/api/sessions/${session.id}/delegation`, {
      side: "KZ",
      organizationId: ministry.id,
      role: "secretariat",
    });
    expect(withOrg.delegation).toMatchObject([{ side: "KZ", role: "secretariat" }]);
    await call<ErrorJson>("POST", `/api/sessions/${session.id}/delegation`, { side: "KZ", role: "member" }, 400);
    const removed = await call<Session>("DELETE", `/api/sessions/${session.id}/events/${parentId}`);
    expect(removed.events).toEqual([]);
  });

  it("merges a duplicate organisation: its names and assignments move to the one that stays", async () => {
    const duplicate = await call<{ id: string }>("POST", "/api/organizations", {
      country: "KZ",
      kind: "ministry",
      name: { ru: "Минторговли Казахстана" },
    });
    const merged = await call<{ aliases: string[]; version: number }>(
      "POST",
      `/api/organizations/${ministry.id}/merge`,
      { duplicateId: duplicate.id },
      200,
    );
    expect(merged.aliases).toEqual(expect.arrayContaining(["МТИ РК", "Минторговли Казахстана"]));
    await call<ErrorJson>("GET", `/api/organizations/${duplicate.id}`, undefined, 404);
    const byAlias = await call<{ items: { id: string }[] }>(
      "GET",
      `/api/organizations?q=${encodeURIComponent("минторговли")}`,
    );
    expect(byAlias.items.map((o) => o.id)).toEqual([ministry.id]);
    const stale = await call<ErrorJson>(
      "PATCH",
      `/api/organizations/${ministry.id}`,
      { version: 1, kind: "agency" },
      409,
    );
    expect(stale.error.code).toBe("version_conflict");
    const renamed = await call<{ aliases: string[] }>("PATCH", `/api/organizations/${ministry.id}`, {
      version: merged.version,
      aliases: ["MTI"],
    });
    expect(renamed.aliases).toContain("MTI");
  });

  it("adds a programme with measures, a joint body and a project, and links a commitment to each", async () => {
    const programme = await call<{ id: string; measures: { id: string }[] }>(
      "POST",
      `/api/commissions/${commission.id}/programmes`,
      { kind: "programme", title: { en: "Economic Cooperation Programme 2025–2030" }, startYear: 2025, endYear: 2030 },
    );
    const backwards = await call<ErrorJson>(
      "POST",
      `/api/commissions/${commission.id}/programmes`,
      { kind: "roadmap", title: { en: "x" }, startYear: 2026, endYear: 2025 },
      400,
    );
    expect(backwards.error.message).toContain("endYear");
    const withMeasure = await call<{ measures: { id: string }[] }>("POST", `/api/programmes/${programme.id}/measures`, {
      code: "2.1",
      title: { en: "Joint industrial cooperation zones" },
      sector: "industry",
      dueYear: 2027,
    });
    const measureId = withMeasure.measures[0]?.id;
    const body = await call<{ id: string; participants: unknown[] }>(
      "POST",
      `/api/commissions/${commission.id}/joint-bodies`,
      {
        kind: "business_council",
        name: { en: "Kazakh–Uzbek Business Council" },
        participants: [{ organizationId: ministry.id, side: "KZ", role: "secretariat" }],
      },
    );
    expect(body.participants).toHaveLength(1);
    const noCurrency = await call<ErrorJson>(
      "POST",
      `/api/commissions/${commission.id}/projects`,
      { name: { en: "Industrial zone" }, value: 50_000_000 },
      400,
    );
    expect(noCurrency.error.message).toContain("currency");
    const project = await call<{ id: string; version: number }>("POST", `/api/commissions/${commission.id}/projects`, {
      name: { en: "Central Asia international industrial cooperation centre" },
      status: "agreed",
      value: 50_000_000,
      currency: "USD",
    });
    const session = await call<{ id: string }>("POST", `/api/commissions/${commission.id}/sessions`, {
      number: 13,
      hostCountry: "KZ",
    });
    const item = await call<{ measureId: string; projectId: string; jointBodyId: string }>("POST", "/api/commitments", {
      sessionId: session.id,
      sector: "industry",
      text: { en: "Start construction of the cooperation centre" },
      measureId,
      projectId: project.id,
      jointBodyId: body.id,
    });
    expect(item).toMatchObject({ measureId, projectId: project.id, jointBodyId: body.id });
    const progress = await call<{ progress: number | null; commitmentCount: number }>(
      "GET",
      `/api/programmes/${programme.id}`,
    );
    expect(progress).toMatchObject({ commitmentCount: 1, progress: 0 });
    const foreign = await call<ErrorJson>(
      "POST",
      "/api/commitments",
      { sessionId: session.id, sector: "trade", text: { en: "x" }, projectId: "00000000-0000-4000-8000-000000000000" },
      400,
    );
    expect(foreign.error.message).toContain("projectId");
    const completed = await call<{ status: string; version: number }>("PATCH", `/api/projects/${project.id}`, {
      version: project.version,
      status: "in_progress",
    });
    expect(completed).toMatchObject({ status: "in_progress", version: 2 });
  });
});
