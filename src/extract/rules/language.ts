import type { DraftLanguage, ExtractionWarning } from "../types.ts";

export interface LanguageGuess {
  language: DraftLanguage;
  /** Share of the letters that are in the chosen script. */
  confidence: number;
  warnings: ExtractionWarning[];
}

// Letters that Azerbaijani Latin has and English does not; ə alone is nearly proof.
const AZERBAIJANI_LETTERS = /[əƏğĞıİşŞçÇöÖüÜ]/gu;
const AZERBAIJANI_WORDS =
  /(?<!\p{L})(?:və|ilə|üzrə|üçün|arasında|Azərbaycan\p{L}*|komissiya\p{L}*|iclas\p{L}*|əməkdaşlıq\p{L}*)(?!\p{L})/giu;
const ENGLISH_WORDS = /(?<!\p{L})(?:the|and|of|in|to|on|with|between|was|were)(?!\p{L})/giu;
const MIXED_SHARE = 0.25;

function count(text: string, regex: RegExp): number {
  return text.match(regex)?.length ?? 0;
}

/** Russian (Cyrillic), English, or Azerbaijani Latin (recognised, not yet read). */
export function detectLanguage(text: string): LanguageGuess {
  const cyrillic = count(text, /\p{Script=Cyrillic}/gu);
  const latin = count(text, /\p{Script=Latin}/gu);
  const letters = cyrillic + latin;
  const warnings: ExtractionWarning[] = [];
  if (letters === 0) {
    return {
      language: "en",
      confidence: 0,
      warnings: [{ code: "language_uncertain", message: "The text has no letters to tell its language by." }],
    };
  }
  const cyrillicShare = cyrillic / letters;
  const minority = Math.min(cyrillicShare, 1 - cyrillicShare);
  if (minority >= MIXED_SHARE) {
    warnings.push({
      code: "mixed_languages",
      message: `The text mixes Cyrillic (${Math.round(cyrillicShare * 100)}%) and Latin letters; read as the larger part.`,
    });
  }
  if (cyrillicShare >= 0.5) return { language: "ru", confidence: cyrillicShare, warnings };
  const azerbaijaniLetters = count(text, AZERBAIJANI_LETTERS);
  const azerbaijaniWords = count(text, AZERBAIJANI_WORDS);
  const englishWords = count(text, ENGLISH_WORDS);
  if (
    text.includes("ə") ||
    text.includes("Ə") ||
    (azerbaijaniLetters > latin * 0.02 && azerbaijaniWords > englishWords)
  ) {
    return { language: "az", confidence: 1 - cyrillicShare, warnings };
  }
  if (englishWords === 0 && latin > 200) {
    warnings.push({ code: "language_uncertain", message: "The Latin text does not look English; read as English." });
  }
  return { language: "en", confidence: 1 - cyrillicShare, warnings };
}
