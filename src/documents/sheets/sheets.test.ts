import { describe, expect, it } from "vitest";
import { columnKeyOfHeader, columnKeys, headerOf } from "./commitment-columns.ts";
import { writeCsv } from "./csv.ts";

describe("commitment sheet columns", () => {
  it("put one responsible column per side before the deadline, and read headers in any language back", () => {
    const keys = columnKeys(["AZ", "KG"]);
    expect(keys.slice(6, 10)).toEqual(["textAz", "responsible:AZ", "responsible:KG", "deadline"]);
    for (const lang of ["ru", "en", "az"] as const) {
      expect(keys.map((key) => columnKeyOfHeader(headerOf(key, lang)))).toEqual(keys);
    }
    expect(columnKeyOfHeader("  progress,   % ")).toBe("progress");
    expect(columnKeyOfHeader("Colour")).toBeNull();
  });
});

describe("writeCsv", () => {
  it("quotes what needs quoting, ends lines in CRLF and starts with a byte order mark for Excel", () => {
    const csv = writeCsv({
      name: "x",
      columns: [
        { key: "item", header: "Item", width: 1 },
        { key: "textRu", header: "Text (ru)", width: 1 },
      ],
      rows: [
        ["1.1", 'Создать «Совет», "деловой"\nи другие'],
        [null, "ə ğ ı"],
      ],
    });
    expect(csv).toBe('\uFEFFItem,Text (ru)\r\n1.1,"Создать «Совет», ""деловой""\nи другие"\r\n,ə ğ ı\r\n');
  });
});
