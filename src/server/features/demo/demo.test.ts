import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.ts";
import { createTestApp } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { azKgCommission } from "./az-kg.ts";
import { loadDemoCommission } from "./demo.service.ts";

// The demo is the seed document's facts as records: everything a reader gets from it must be there and linked.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let commissionId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  commissionId = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
});
afterAll(() => database.drop());

const get = async <T>(path: string): Promise<T> => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

describe("the demo commission", () => {
  it("has the cooperation programme and the energy roadmap with measures and the progress of their commitments", async () => {
    const commission = await get<{
      programmes: {
        id: string;
        kind: string;
        startYear: number;
        endYear: number;
        commitmentCount: number;
        progress: number | null;
      }[];
    }>(`/api/commissions/${commissionId}`);
    const roadmap = commission.programmes.find((p) => p.kind === "roadmap");
    expect(roadmap).toMatchObject({ startYear: 2024, endYear: 2025 });
    expect(roadmap?.commitmentCount).toBeGreaterThanOrEqual(3);
    const detail = await get<{
      measures: { commitmentCount: number; progress: number | null }[];
      progress: number | null;
    }>(`/api/programmes/${roadmap?.id}`);
    expect(detail.measures).toHaveLength(2);
    const implemented = detail.measures.filter((m) => m.commitmentCount > 0);
    expect(implemented.length).toBe(2);
    for (const m of implemented) expect(m.progress).not.toBeNull();
  });

  it("has the development fund, the business council and the joint projects, linked to their agreements", async () => {
    const bodies = await get<{
      items: { kind: string; status: string; commitmentCount: number; participants: unknown[] }[];
    }>(`/api/commissions/${commissionId}/joint-bodies`);
    expect(bodies.items.map((b) => [b.kind, b.status])).toEqual([
      ["fund", "active"],
      ["business_council", "proposed"],
    ]);
    expect(bodies.items.every((b) => b.commitmentCount === 1)).toBe(true);
    expect(bodies.items[1]?.participants).toHaveLength(2);
    const projects = await get<{ items: { name: { en: string }; commitmentCount: number }[] }>(
      `/api/commissions/${commissionId}/projects`,
    );
    expect(projects.items.map((p) => p.name.en)).toEqual(
      expect.arrayContaining([expect.stringContaining("Issyk-Kul"), expect.stringContaining("logistics")]),
    );
  });

  it("finds commitments, organisations and people from one search box, in Russian and English", async () => {
    type Result = {
      commitments: { text: { ru?: string } }[];
      organizations: { name: { en?: string } }[];
      people: { name: { ru?: string } }[];
    };
    const byRussianWord = await get<Result>(`/api/search?q=${encodeURIComponent("турпакеты")}`);
    expect(byRussianWord.commitments[0]?.text.ru).toContain("турпакет");
    const byAlias = await get<Result>(`/api/search?q=${encodeURIComponent("Кыргызнефтегаз")}`);
    expect(byAlias.organizations.map((o) => o.name.en)).toEqual([expect.stringContaining("Kyrgyzneftegaz")]);
    expect(byAlias.commitments.length).toBeGreaterThan(0);
    const byName = await get<Result>(`/api/search?q=${encodeURIComponent("Шарифов")}`);
    expect(byName.people.map((p) => p.name.ru)).toEqual(["Самир Шарифов"]);
    const res = await app.request("/api/search?q=a");
    expect(res.status).toBe(400);
  });
});
