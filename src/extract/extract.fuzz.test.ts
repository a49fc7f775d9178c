import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evidenceOf } from "./evidence.ts";
import { extractFromText } from "./extract-from-text.ts";
import { normalizeText } from "./text/normalize.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));
const documents = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(FIXTURES, f), "utf8"));

// Pieces that the rules react to, so that random documents reach deep into them.
const TRIGGERS = [
  "заседание",
  "6-е",
  "шестого",
  "комиссии",
  "договорились:",
  "– ",
  "1.1. ",
  "Ответственные: ",
  "Срок: ",
  "«",
  "»",
  '"',
  "(",
  ")",
  " и ",
  ", ",
  "; ",
  ":",
  "\n",
  "\n\n",
  "III квартал 2026 года",
  "8 декабря",
  "2024–2029 годы",
  "94%",
  "млн долларов",
  "Самира Шарифова",
  "Ali Asadov",
  "co-chaired by",
  "the 10th meeting",
  "agreed to",
  "including",
  "SOCAR",
  "ОАО «X»",
  "посетили",
  "по дипломатическим каналам",
  "За Правительство",
  "ПРОТОКОЛ",
  "\u0000",
  "\u200B",
  "😀",
  "İ",
  "ə",
  "ß",
];

function assertSound(input: string): void {
  const text = normalizeText(input);
  const draft = extractFromText(input);
  for (const { span, confidence } of evidenceOf(draft)) {
    expect(Number.isInteger(span[0]) && Number.isInteger(span[1])).toBe(true);
    expect(0 <= span[0] && span[0] <= span[1] && span[1] <= text.length).toBe(true);
    expect(confidence >= 0 && confidence <= 1).toBe(true);
  }
}

describe("extractFromText under random input", () => {
  it("never throws on random strings, and every span stays inside the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom(...TRIGGERS)), {
          maxLength: 60,
        }),
        (parts) => {
          assertSound(parts.join(""));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on mutated real documents", () => {
    const mutation = fc.record({
      document: fc.constantFrom(...documents),
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          cut: fc.nat({ max: 60 }),
          insert: fc.oneof(fc.constantFrom(...TRIGGERS), fc.string({ unit: "binary", maxLength: 12 })),
        }),
        { maxLength: 12 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ document, edits }) => {
        let text = document;
        for (const edit of edits) {
          const at = edit.at % (text.length + 1);
          text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
        }
        assertSound(text);
      }),
      { numRuns: 150 },
    );
  });
});
