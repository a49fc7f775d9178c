import { describe, expect, it } from "vitest";
import { entityPath, valueText } from "./audit-format.ts";

describe("the audit page's formatting", () => {
  it("links records that have a page, and only those", () => {
    expect(entityPath("commitment", "c1")).toBe("/commitments/c1");
    expect(entityPath("person", "p/1")).toBe("/people/p%2F1");
    expect(entityPath("observation", "o1")).toBeNull();
  });

  it("shows values as text, markup included as it was typed", () => {
    expect(valueText("<b>Baku</b>", "—")).toBe("<b>Baku</b>");
    expect(valueText(null, "—")).toBe("—");
    expect(valueText("", "—")).toBe("—");
    expect(valueText(40, "—")).toBe("40");
    expect(valueText(["ru", "en"], "—")).toBe('["ru","en"]');
  });
});
