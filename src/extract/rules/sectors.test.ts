import { describe, expect, it } from "vitest";
import { chooseSector, contextFrom, findSectorHits } from "./sectors.ts";

const sectorOf = (text: string, context = "") => chooseSector(findSectorHits(text), contextFrom(context));

describe("sectors", () => {
  it.each([
    ["упрощение таможенных процедур", "customs"],
    ["строительство пятизвездочного отеля", "tourism"],
    ["расширение сотрудничества между SOCAR и «Кыргызнефтегаз»", "energy"],
    ["модернизация Нурекской ГЭС", "energy"],
    ["new hotels for the hospitality industry", "tourism"],
    ["cooperation in agriculture and veterinary medicine", "agriculture"],
    ["кибербезопасность", "cybersecurity"],
  ])("files %j under %s", (text, expected) => {
    expect(sectorOf(text)).toBe(expected);
  });

  it("lets the named field decide between weak words", () => {
    expect(sectorOf("обмен информацией о выставках и фестивалях", "в сфере туризма")).toBe("tourism");
    expect(sectorOf("реализация дорожной карты", "В энергетической сфере")).toBe("energy");
  });

  it("finds no sector in words that merely contain a keyword", () => {
    expect(findSectorHits("магазин газеты аквакультура")).toEqual(
      findSectorHits("аквакультура").map((h) => ({ ...h, start: h.start + 15, end: h.end + 15 })),
    );
    expect(sectorOf("территориальная целостность")).toBeNull();
  });
});
