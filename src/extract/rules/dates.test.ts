import { describe, expect, it } from "vitest";
import { findDates, findPublicationDate, resolveDay } from "./dates.ts";

const days = (text: string, reference: string | null = null) => findDates(text).map((d) => resolveDay(d, reference));

describe("dates", () => {
  it.each([
    ["8 декабря 2025 года", "2025-12-08"],
    ["December 8, 2025", "2025-12-08"],
    ["8th of December 2025", "2025-12-08"],
    ["08.12.2025", "2025-12-08"],
    ["2025-12-08", "2025-12-08"],
    ["1-го июля 2026 г.", "2026-07-01"],
    ["7–9 декабря 2025 года", "2025-12-07"],
    ["14 сен 2019, 15:39", "2019-09-14"],
    ["28 Nov. 2023", "2023-11-28"],
  ])("reads %s", (text, expected) => {
    expect(days(text)).toEqual([expected]);
  });

  it("takes a missing year from the reference date", () => {
    expect(days("в Баку 8 декабря состоялось", "2025-12-08")).toEqual(["2025-12-08"]);
    expect(days("On January 17, Baku hosted", "2025-01-17")).toEqual(["2025-01-17"]);
  });

  it("puts a past day in the previous year when the publication is early in the next one", () => {
    expect(days("28 декабря прошло заседание", "2026-01-05")).toEqual(["2025-12-28"]);
  });

  it("gives no day without a year to take it from, and none for a month alone", () => {
    expect(days("8 декабря")).toEqual([null]);
    expect(days("в декабре 2025 года")).toEqual([null]);
  });

  it("rejects impossible dates and the verb may", () => {
    expect(findDates("31.02.2025 and 30 февраля")).toEqual([]);
    expect(findDates("the sides may 5 times")).toEqual([]);
  });

  it("finds the publication line of a press release", () => {
    const lines = (text: string) => {
      let start = 0;
      return text.split("\n").map((line) => {
        const piece = { text: line, start };
        start += line.length + 1;
        return piece;
      });
    };
    const read = (text: string) => {
      const found = findPublicationDate(lines(text));
      return found ? resolveDay(found, null) : null;
    };
    expect(read("Заголовок новости\n14 сен 2019, 15:39\n\nТекст")).toBe("2019-09-14");
    expect(read("TASHKENT, February 6, 2025 (UzDaily) -- The session was held on February 5.")).toBe("2025-02-06");
    expect(read("Заголовок без даты\nВ Баку 8 декабря прошло заседание")).toBeNull();
  });
});
