import { describe, expect, it } from "vitest";
import { capitalOf, cityNominative, findCityMentions } from "./cities.ts";
import { countryOfWord, findCountryMentions } from "./countries.ts";

const codes = (text: string) => findCountryMentions(text).map((m) => m.code);

describe("countries", () => {
  it.each([
    ["между Азербайджаном и Кыргызстаном", ["AZ", "KG"]],
    ["в Казахстане, из Узбекистана, с Россией", ["KZ", "UZ", "RU"]],
    ["с азербайджанской стороны, кыргызская делегация", ["AZ", "KG"]],
    ["туркмено-азербайджанская комиссия", ["TM", "AZ"]],
    ["Кыргызской Республики и Российской Федерации", ["KG", "RU"]],
    ["Turkmen-Azerbaijani Commission, the Kyrgyz side", ["TM", "AZ", "KG"]],
    ["Türkiye, Turkey's trade, China and the UAE", ["TR", "TR", "CN", "AE"]],
    ["Саудовской Аравией и Катаром, в ОАЭ", ["SA", "QA", "AE"]],
  ])("reads %s", (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it("tells a side (adjective) from a place (noun)", () => {
    expect(findCountryMentions("в Кыргызстане кыргызская сторона").map((m) => m.form)).toEqual(["noun", "adjective"]);
  });

  it("answers for single words", () => {
    expect(countryOfWord("Грузии")).toBe("GE");
    expect(countryOfWord("Самира")).toBeNull();
  });
});

describe("cities", () => {
  it("finds known cities in any case and script", () => {
    expect(findCityMentions("в Ташкенте, из Бишкека, in Ashgabat").map((c) => [c.name, c.country])).toEqual([
      ["Ташкент", "UZ"],
      ["Бишкек", "KG"],
      ["Ashgabat", "TM"],
    ]);
  });

  it("names capitals and puts unknown cities back in the nominative", () => {
    expect(capitalOf("TM", "ru")).toBe("Ашхабад");
    expect(capitalOf("GE", "en")).toBe("Tbilisi");
    expect(cityNominative("Нахчыване")).toBe("Нахчыван");
  });
});
