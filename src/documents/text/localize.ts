import { type Language, type LocalizedText, pickText } from "../../shared/i18n-text.ts";

/**
 * The text in `lang`. When only another language has it, that text is given with its language code in front, so
 * that whoever reads the draft sees what still needs translating rather than a silently mixed document.
 */
export function localize(text: LocalizedText | null | undefined, lang: Language): string {
  const picked = pickText(text, lang);
  if (!picked) return "";
  return picked.lang === lang ? picked.value : `[${picked.lang}] ${picked.value}`;
}
