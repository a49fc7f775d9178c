import { describe, expect, it } from "vitest";
import { splitEnumeration } from "./enumerations.ts";

const split = (text: string, splitWeak = true) =>
  splitEnumeration({ text, start: 0, end: text.length }, splitWeak).map((p) => p.text);

describe("splitEnumeration", () => {
  it("gives one item per action of a Russian list", () => {
    expect(
      split(
        "координация деятельности компаний, подготовка совместных пакетов, обмен информацией, а также сотрудничество в сфере туризма",
      ),
    ).toEqual([
      "координация деятельности компаний",
      "подготовка совместных пакетов",
      "обмен информацией",
      "сотрудничество в сфере туризма",
    ]);
  });

  it("keeps phrases joined by «и» or commas inside one action", () => {
    expect(split("организация обмена опытом в сфере промышленных зон и свободных экономических зон")).toHaveLength(1);
    expect(split("совместное обучение в области рыбоводства, рыболовства и аквакультуры")).toHaveLength(1);
    expect(split("расширение сотрудничества между «Альфа, Бета» и «Гамма»")).toHaveLength(1);
  });

  it("splits infinitives and nominative adjectives", () => {
    expect(split("увеличить квоты на экспорт, открыть филиал университета и ежегодно проводить форум")).toEqual([
      "увеличить квоты на экспорт",
      "открыть филиал университета",
      "ежегодно проводить форум",
    ]);
    expect(split("сотрудничество между университетами, ежегодные квоты для студентов")).toHaveLength(2);
  });

  it("reads English lists with a serial «and» but keeps names together", () => {
    expect(split("the chemical industry, transport and communications, agriculture")).toEqual([
      "the chemical industry",
      "transport",
      "communications",
      "agriculture",
    ]);
    expect(split("to accelerate wind projects, and to launch a cargo route between Tashkent and Jeddah")).toEqual([
      "to accelerate wind projects",
      "to launch a cargo route between Tashkent and Jeddah",
    ]);
    expect(split("ways to increase investments, noting that the fund grew")).toHaveLength(1);
  });

  it("splits only on strong separators when asked to keep fields together", () => {
    expect(split("сотрудничество в области экологии, здравоохранения, а также новые направления", false)).toEqual([
      "сотрудничество в области экологии, здравоохранения",
      "новые направления",
    ]);
  });

  it("keeps offsets that point at the item", () => {
    const text = "изучение рынка, организацию бизнес-миссий";
    for (const piece of splitEnumeration({ text, start: 10, end: 10 + text.length })) {
      expect(text.slice(piece.start - 10, piece.end - 10)).toBe(piece.text);
    }
  });
});
