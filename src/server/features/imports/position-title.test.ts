import { describe, expect, it } from "vitest";
import { positionTitle } from "./position-title.ts";

describe("positionTitle", () => {
  it.each([
    [
      "заместителя Премьер-министра Азербайджанской Республики",
      "Заместитель Премьер-министра Азербайджанской Республики",
    ],
    ["Первого заместителя Председателя Кабинета Министров", "Первый заместитель Председателя Кабинета Министров"],
    ["Министра экономики", "Министр экономики"],
    ["министром иностранных дел", "Министр иностранных дел"],
    ["вице-премьера", "Вице-премьер"],
    ["Заместитель Председателя Правительства", "Заместитель Председателя Правительства"],
  ])("reads «%s» as «%s»", (written, title) => {
    expect(positionTitle(written, "ru")).toBe(title);
  });

  it("leaves English posts as written, capitalised", () => {
    expect(positionTitle("deputy Prime Minister of Georgia", "en")).toBe("Deputy Prime Minister of Georgia");
  });
});
