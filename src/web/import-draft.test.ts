import { describe, expect, it } from "vitest";
import type { ExtractResult } from "../shared/api/imports.ts";
import {
  acceptedDraftOf,
  evidenceIndexOf,
  kindOf,
  reviewDraftOf,
  sectorCounts,
  segmentsOf,
  withoutFieldPrefix,
} from "./import-draft.ts";

const evidence = (fact: string, start: number, end: number, confidence = 0.9) => ({
  fact,
  span: [start, end] as [number, number],
  confidence,
});

describe("segmentsOf", () => {
  it("cuts the text at every span boundary and keeps overlapping facts, shortest first", () => {
    // "Baku hosts" — city and host country share "Baku"; the commitment covers the whole text.
    const segments = segmentsOf(10, [
      evidence("commitments.0", 0, 10),
      evidence("session.city", 0, 4),
      evidence("session.host_country", 0, 4),
    ]);
    expect(segments).toEqual([
      { start: 0, end: 4, facts: ["session.city", "session.host_country", "commitments.0"] },
      { start: 4, end: 10, facts: ["commitments.0"] },
    ]);
  });

  it("leaves the text between spans plain and covers the whole text", () => {
    const segments = segmentsOf(20, [evidence("co_chairs.0", 5, 8), evidence("co_chairs.1", 12, 15)]);
    expect(segments.map((s) => [s.start, s.end, s.facts.length])).toEqual([
      [0, 5, 0],
      [5, 8, 1],
      [8, 12, 0],
      [12, 15, 1],
      [15, 20, 0],
    ]);
  });

  it("gives one plain segment when there is no evidence, and none for an empty text", () => {
    expect(segmentsOf(7, [])).toEqual([{ start: 0, end: 7, facts: [] }]);
    expect(segmentsOf(0, [])).toEqual([]);
  });
});

describe("evidenceIndexOf", () => {
  it("drops sector words, spans outside the text and repeated facts", () => {
    const index = evidenceIndexOf(
      [
        evidence("sectors.0", 0, 3),
        evidence("commitments.0", 0, 5),
        evidence("commitments.0", 6, 9),
        evidence("figures.0", 8, 40),
        evidence("co_chairs.0", 4, 4),
      ],
      20,
    );
    expect([...index.keys()]).toEqual(["commitments.0"]);
    expect(index.get("commitments.0")?.span).toEqual([0, 5]);
  });
});

describe("the review draft", () => {
  const result = {
    draft: {
      format: "igc-extraction/1",
      language: "en",
      commission: { countries: ["KZ", "UZ"], name: null },
      commitments: [
        { sector: "trade", text: "a", organizations: [], responsible: [], span: [0, 1], confidence: 0.8 },
        { sector: "energy", text: "b", organizations: [], responsible: [] },
      ],
    },
    text: "ab",
    evidence: [],
    warnings: [],
    language: "en",
  } as unknown as ExtractResult;

  it("keys every list item by its place in the extractor's draft and fills missing lists", () => {
    const draft = reviewDraftOf(result);
    expect(draft.commitments.map((c) => c.key)).toEqual(["commitments.0", "commitments.1"]);
    expect(draft.co_chairs).toEqual([]);
    expect(draft.site_visits).toEqual([]);
  });

  it("strips the keys again for the accept, keeping the rest", () => {
    const draft = reviewDraftOf(result);
    const accepted = acceptedDraftOf({ ...draft, commitments: draft.commitments.slice(1) });
    expect(accepted.commitments).toEqual([{ sector: "energy", text: "b", organizations: [], responsible: [] }]);
    expect(accepted.commission).toEqual({ countries: ["KZ", "UZ"], name: null });
    expect(JSON.stringify(accepted)).not.toContain('"key"');
  });
});

describe("small helpers", () => {
  it("names a fact's kind", () => {
    expect(kindOf("commitments.3")).toBe("commitments");
    expect(kindOf("session.city")).toBe("session");
    expect(kindOf("next_session")).toBe("next_session");
  });

  it("counts commitments per sector in the order sectors appear", () => {
    expect(sectorCounts([{ sector: "energy" }, { sector: "trade" }, { sector: "energy" }])).toEqual([
      { sector: "energy", count: 2 },
      { sector: "trade", count: 1 },
    ]);
  });

  it("drops the field name the server puts before its message", () => {
    expect(withoutFieldPrefix("file: The document is empty.", "file")).toBe("The document is empty.");
    expect(withoutFieldPrefix("The document is empty.", "file")).toBe("The document is empty.");
    expect(withoutFieldPrefix("text: x", undefined)).toBe("text: x");
  });
});
