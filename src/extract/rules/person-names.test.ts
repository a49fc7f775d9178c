import { describe, expect, it } from "vitest";
import { findPersonNames, nominativeName } from "./person-names.ts";

const names = (text: string) => findPersonNames(text).map((p) => p.name);

describe("person names", () => {
  it.each([
    ["под председательством заместителя премьер-министра Самира Шарифова", "Самир Шарифов"],
    ["делегация во главе с Бакытом Торобаевым", "Бакыт Торобаев"],
    ["встретился с министром Ольгой Смирновой", "Ольга Смирнова"],
    ["сопредседатель Анна Ивановна Петрова", "Анна Ивановна Петрова"],
    ["заместителя Премьера Государственного совета КНР Лю Гочжэна", "Лю Гочжэн"],
    ["заместителя председателя Кабинета Министров Кыргызской Республики Бакыта Торобаева", "Бакыт Торобаев"],
  ])("puts the name in %j in the nominative", (text, expected) => {
    expect(names(text)).toEqual([expected]);
  });

  it("leaves titles, countries and portfolios out of English names", () => {
    expect(
      names("co-chaired by Azerbaijani Prime Minister Ali Asadov and Türkiye's Minister of Trade Kemal Aydin"),
    ).toEqual(["Ali Asadov", "Kemal Aydin"]);
    expect(names("the Minister of Economy and Sustainable Development of Georgia Levan Beridze")).toEqual([
      "Levan Beridze",
    ]);
  });

  it("reads initials and keeps names it cannot decline", () => {
    expect(names("с С. Жумангариным")).toEqual(["С. Жумангарин"]);
    expect(nominativeName("Пурли Агамырадов")).toBe("Пурли Агамырадов");
  });

  it("does not take institutions for people", () => {
    expect(names("Азербайджанская национальная библиотека и Министерство экономики")).toEqual([]);
  });
});
