import { COUNTRIES } from "../../../shared/countries.ts";
import type { Language } from "../../../shared/i18n-text.ts";

// Documents name the commission inside a sentence: «заседание Совместной межправительственной комиссии по …».
// The register shows it as a title, so the head phrase (adjectives and the word «комиссия») goes back to the
// nominative («межправкомиссии» too); the rest (по …, между …) is already in the case the title needs.
const HEAD_NOUN = /^(\p{L}*[Кк]омисси)(?:и|ей|ю|я)$/u;
const FEMININE_ADJECTIVE = /^(\p{L}+(?:-\p{L}+)*?)(ой|ей|ую|юю|ая|яя)$/u;

function adjectiveNominative(word: string): string | null {
  const match = FEMININE_ADJECTIVE.exec(word);
  if (!match) return null;
  const [, stem = "", ending = ""] = match;
  // Spelling rule: after ж, ш, ч, щ the ending is -ая (высшей → высшая), after other soft stems -яя (синей → синяя).
  const soft = ending === "ей" || ending === "юю" || ending === "яя";
  return `${stem}${soft && !/[жшчщ]$/u.test(stem) ? "яя" : "ая"}`;
}

function russianTitle(written: string): string {
  const words = written.split(" ");
  const head = words.findIndex((word) => HEAD_NOUN.test(word));
  if (head === -1) return written;
  const adjectives: string[] = [];
  for (const word of words.slice(0, head)) {
    const nominative = adjectiveNominative(word);
    if (nominative === null) return written;
    adjectives.push(nominative);
  }
  const noun = words[head]?.replace(HEAD_NOUN, "$1я") ?? "";
  return [...adjectives, noun, ...words.slice(head + 1)].join(" ");
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The commission's name as a title, from the name the document gives or, without one, from its two countries. */
export function commissionTitle(written: string | null | undefined, countries: string[], language: Language): string {
  if (written) {
    const title = language === "ru" ? russianTitle(written) : written.replace(/^the\s+/i, "");
    return capitalized(title);
  }
  const [a = "", b = ""] = countries.map((code) => COUNTRIES[code]?.[language] ?? code);
  switch (language) {
    case "ru":
      return `Межправительственная комиссия ${a} – ${b}`;
    case "en":
      return `${a}–${b} Intergovernmental Commission`;
    case "az":
      return `${a}–${b} Hökumətlərarası Komissiyası`;
  }
}
