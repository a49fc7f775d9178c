import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields.ts";

describe("changedFields", () => {
  it("lists every field of a new record, and nothing left empty", () => {
    expect(changedFields(null, { kind: "roadmap", sector: null, startYear: 2024 })).toEqual([
      { field: "kind", before: null, after: "roadmap" },
      { field: "startYear", before: null, after: 2024 },
    ]);
  });

  it("lists every field of a removed record", () => {
    expect(changedFields({ id: "e1", kind: "site_visit" }, null)).toEqual([
      { field: "id", before: "e1", after: null },
      { field: "kind", before: "site_visit", after: null },
    ]);
  });

  it("compares the stored row before with the fields sent after, in one spelling, ignoring the rest of the row", () => {
    const before = {
      id: "p1",
      sector_code: "energy",
      start_year: 2024,
      end_year: 2025,
      version: 3,
      title: { en: "A" },
    };
    const after = { sector: "transport", startYear: 2024, title: { en: "A" } };
    expect(changedFields(before, after)).toEqual([{ field: "sector", before: "energy", after: "transport" }]);
  });

  it("compares multilingual texts language by language, a removed language included", () => {
    expect(changedFields({ title: { en: "Old", ru: "Старое" } }, { title: { en: "New" } })).toEqual([
      { field: "title.en", before: "Old", after: "New" },
      { field: "title.ru", before: "Старое", after: null },
    ]);
  });

  it("leaves out bookkeeping, and compares lists and objects by value whatever their key order", () => {
    expect(
      changedFields(
        { version: 2, updated_at: "x", responsible: [{ side: "AZ", id: "o1" }] },
        { version: 3, updatedAt: "y", responsible: [{ id: "o1", side: "AZ" }] },
      ),
    ).toEqual([]);
    expect(changedFields({ languages: ["ru"] }, { languages: ["ru", "en"] })).toEqual([
      { field: "languages", before: ["ru"], after: ["ru", "en"] },
    ]);
  });

  it("says nothing of an event without values, and compares plain values as one", () => {
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields(null, "done")).toEqual([{ field: "value", before: null, after: "done" }]);
  });
});
