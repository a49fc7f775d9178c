import { describe, expect, it } from "vitest";
import { azerbaijaniLocative } from "./azerbaijani.ts";
import { formatDays, formatDeadline } from "./dates.ts";
import { localize } from "./localize.ts";
import { azerbaijaniOrdinal, englishOrdinal } from "./ordinals.ts";
import { russianGenitive } from "./russian-cases.ts";

describe("russianGenitive", () => {
  it.each([
    [
      "Совместная межправительственная комиссия по экономическому сотрудничеству",
      "Совместной межправительственной комиссии по экономическому сотрудничеству",
    ],
    ["Азербайджано-кыргызская межправительственная комиссия", "Азербайджано-кыргызской межправительственной комиссии"],
    ["Межправительственный совет", "Межправительственного совета"],
    ["Азербайджан", "Азербайджана"],
    ["Кыргызстан", "Кыргызстана"],
    ["Китай", "Китая"],
    ["Турция", "Турции"],
    ["Беларусь", "Беларуси"],
    ["Польша", "Польши"],
    ["Саудовская Аравия", "Саудовской Аравии"],
    ["Республика Корея", "Республики Корея"],
    ["ОАЭ", "ОАЭ"],
  ])("%s → %s", (nominative, genitive) => {
    expect(russianGenitive(nominative)).toBe(genitive);
  });
});

describe("ordinals", () => {
  it.each([
    [1, "1-ci"],
    [3, "3-cü"],
    [6, "6-cı"],
    [9, "9-cu"],
    [10, "10-cu"],
    [40, "40-cı"],
    [100, "100-cü"],
    [2025, "2025-ci"],
    [2026, "2026-cı"],
  ])("Azerbaijani %i → %s", (n, ordinal) => expect(azerbaijaniOrdinal(n)).toBe(ordinal));

  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [6, "6th"],
    [11, "11th"],
    [12, "12th"],
    [21, "21st"],
  ])("English %i → %s", (n, ordinal) => expect(englishOrdinal(n)).toBe(ordinal));

  it("puts the Azerbaijani locative after the last vowel", () => {
    expect(azerbaijaniLocative("Qırğızıstan")).toBe("Qırğızıstanda");
    expect(azerbaijaniLocative("Azərbaycan")).toBe("Azərbaycanda");
    expect(azerbaijaniLocative("Türkiyə")).toBe("Türkiyədə");
  });
});

describe("deadlines and days", () => {
  it.each([
    ["2026-06-30", "30 июня 2026 г.", "30 June 2026", "30 iyun 2026"],
    ["2026-06", "июнь 2026 г.", "June 2026", "iyun 2026"],
    ["2026-Q3", "III квартал 2026 г.", "Q3 2026", "2026-cı ilin III rübü"],
    ["2027", "2027 г.", "2027", "2027-ci il"],
    ["ongoing", "на постоянной основе", "ongoing", "daimi"],
  ])("%s", (deadline, ru, en, az) => {
    expect([formatDeadline(deadline, "ru"), formatDeadline(deadline, "en"), formatDeadline(deadline, "az")]).toEqual([
      ru,
      en,
      az,
    ]);
  });

  it("writes a span of days once per month and year", () => {
    expect(formatDays("2025-12-08", "2025-12-09", "ru")).toBe("8–9 декабря 2025 г.");
    expect(formatDays("2025-12-08", "2025-12-09", "en")).toBe("8–9 December 2025");
    expect(formatDays("2025-11-30", "2025-12-02", "az")).toBe("30 noyabr – 2 dekabr 2025");
    expect(formatDays("2025-12-08", null, "en")).toBe("8 December 2025");
  });
});

describe("localize", () => {
  it("marks a text that is only there in another language", () => {
    expect(localize({ ru: "Баку", az: "Bakı" }, "az")).toBe("Bakı");
    expect(localize({ ru: "Баку" }, "en")).toBe("[ru] Баку");
    expect(localize(null, "en")).toBe("");
  });
});
