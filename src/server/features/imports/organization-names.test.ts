import { describe, expect, it } from "vitest";
import { aliasKeysOf, countryOf, kindOf, namesTheCommission } from "./organization-names.ts";

describe("organisation names", () => {
  it("files a name under its acronym and without its legal form too", () => {
    expect(aliasKeysOf("Агентство по продвижению экспорта и инвестиций Азербайджана (AZPROMO)")).toEqual([
      "агентство по продвижению экспорта и инвестиций азербайджана (azpromo)",
      "агентство по продвижению экспорта и инвестиций азербайджана",
      "azpromo",
    ]);
    expect(aliasKeysOf("ОАО «Кыргызнефтегаз»")).toEqual(["оао кыргызнефтегаз", "кыргызнефтегаз"]);
    expect(aliasKeysOf("Kyrgyzneftegaz OJSC")).toEqual(["kyrgyzneftegaz ojsc", "kyrgyzneftegaz"]);
  });

  it.each([
    ["Агентство по развитию экономических зон при Министерстве экономики", "agency"],
    ["Azerbaijan Export and Investment Promotion Agency", "agency"],
    ["Министерство энергетики Кыргызской Республики", "ministry"],
    ["Торгово-промышленная палата Кыргызской Республики", "chamber"],
    ["ЗАО «Азербайджанские железные дороги»", "company"],
    ["Кабинет Министров Кыргызской Республики", "government"],
    ["SOCAR", "other"],
  ])("tells «%s» is a %s by its head word", (name, kind) => {
    expect(kindOf(name)).toBe(kind);
  });

  it("takes the country from the name only when it names one", () => {
    expect(countryOf("Министерство экономики и коммерции Кыргызской Республики")).toBe("KG");
    expect(countryOf("ЗАО «Азербайджанские железные дороги»")).toBe("AZ");
    expect(countryOf("Азербайджано-Кыргызский фонд развития")).toBeNull();
    expect(countryOf("SOCAR")).toBeNull();
  });

  it("recognises the commission itself among the bodies a document names", () => {
    expect(namesTheCommission("Совместной межправительственной комиссии")).toBe(true);
    expect(namesTheCommission("Ministry of Economy")).toBe(false);
  });
});
