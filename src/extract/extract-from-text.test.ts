import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evidenceOf } from "./evidence.ts";
import { extractFromText } from "./extract-from-text.ts";
import { normalizeText } from "./text/normalize.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
const SEED = fileURLToPath(new URL("../../../shared/seed/az-kg-igc-6th-session-2025-12-08.ru.txt", import.meta.url));
const textFixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".txt"));

describe("extractFromText on the project's own documents", () => {
  it.each(textFixtures)("%s: spans within the text, confidences within 0..1", (file) => {
    const raw = readFileSync(join(FIXTURES, file), "utf8");
    const text = normalizeText(raw);
    const draft = extractFromText(raw);
    expect(draft.format).toBe("igc-extraction/1");
    for (const { span, confidence } of evidenceOf(draft)) {
      expect(span[0]).toBeGreaterThanOrEqual(0);
      expect(span[1]).toBeLessThanOrEqual(text.length);
      expect(span[0]).toBeLessThanOrEqual(span[1]);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it("reads a protocol's items with their responsible bodies and deadlines", () => {
    const draft = extractFromText(readFileSync(join(FIXTURES, "by-uz-14th-session-protocol.ru.txt"), "utf8"));
    expect(draft.commission?.countries).toEqual(["BY", "UZ"]);
    expect(draft.session).toMatchObject({ number: 14, date: "2025-11-25", city: "Минск", host_country: "BY" });
    const item5 = draft.commitments.filter((c) => c.item === "5");
    expect(item5).toHaveLength(2);
    expect(item5.every((c) => c.deadline === "2026-Q2" && c.responsible.length === 2)).toBe(true);
    expect(draft.commitments.find((c) => c.item === "3")?.responsible).toEqual([
      "ОАО «Минский тракторный завод»",
      "ОАО «Гомсельмаш»",
      "АО «Узагротехсаноатхолдинг»",
    ]);
    expect(draft.next_session).toMatchObject({ number: 15, country: "UZ", via_diplomatic_channels: true });
    expect(draft.documents_signed[0]?.signatories).toEqual(["Олег Дроздов", "Бахтиёр Юсупов"]);
  });

  it("puts the text under each span that the draft quotes", () => {
    const raw = readFileSync(join(FIXTURES, "kz-uz-12th-session-2024.ru.txt"), "utf8");
    const text = normalizeText(raw);
    const draft = extractFromText(raw);
    for (const commitment of draft.commitments.filter((c) => !c.text.includes(" "))) {
      expect(text.slice(...commitment.span)).toBe(commitment.text);
    }
    for (const org of draft.organizations)
      expect(text.slice(...org.span)).toContain(org.name.replace(/^\S+ (?=«)/u, ""));
    expect(draft.co_chairs.map((c) => [c.name, c.country])).toEqual([
      ["Ерлан Сатпаев", "KZ"],
      ["Азиз Каримов", "UZ"],
    ]);
  });

  it.runIf(existsSync(SEED))("reads the seed article: session, chairs, figure, next session, visits", () => {
    const draft = extractFromText(readFileSync(SEED, "utf8"));
    expect(draft.session).toMatchObject({ number: 6, date: "2025-12-08", city: "Баку", host_country: "AZ" });
    expect(draft.co_chairs.map((c) => c.name)).toEqual(["Самир Шарифов", "Бакыт Торобаев"]);
    expect(draft.figures[0]).toMatchObject({ value: 94, unit: "%", period: "2025-01/2025-10" });
    expect(draft.next_session).toMatchObject({
      number: 7,
      country: "KG",
      city: null,
      date: null,
      via_diplomatic_channels: true,
    });
    expect(draft.site_visits.map((v) => v.date)).toEqual(["2025-12-08", "2025-12-09", "2025-12-09", "2025-12-07"]);
  });

  it("gives an empty, warned draft for text about nothing", () => {
    const draft = extractFromText("Погода в горах сегодня ясная, без осадков.");
    expect(draft.session).toBeNull();
    expect(draft.commitments).toEqual([]);
    expect(draft.warnings.map((w) => w.code)).toContain("no_session_found");
  });
});
