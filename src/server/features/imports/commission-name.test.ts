import { describe, expect, it } from "vitest";
import { commissionTitle } from "./commission-name.ts";

describe("commissionTitle", () => {
  it.each([
    [
      "Совместной межправительственной комиссии по экономическому сотрудничеству",
      "Совместная межправительственная комиссия по экономическому сотрудничеству",
    ],
    ["Российско-таджикской межправкомиссии", "Российско-таджикская межправкомиссия"],
    ["Высшей комиссией", "Высшая комиссия"],
    ["Межправительственная комиссия", "Межправительственная комиссия"],
    ["Межправительственного комитета по сотрудничеству", "Межправительственного комитета по сотрудничеству"],
  ])("puts the head of «%s» in the nominative", (written, title) => {
    expect(commissionTitle(written, ["RU", "TJ"], "ru")).toBe(title);
  });

  it("names a commission the document does not name by its two countries", () => {
    expect(commissionTitle(null, ["AZ", "KG"], "ru")).toBe("Межправительственная комиссия Азербайджан – Кыргызстан");
    expect(commissionTitle(null, ["AZ", "KG"], "en")).toBe("Azerbaijan–Kyrgyzstan Intergovernmental Commission");
    expect(commissionTitle("the Joint Commission", ["AZ", "KG"], "en")).toBe("Joint Commission");
  });
});
