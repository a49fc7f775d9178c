/** Languages the product speaks. The UI falls back visibly when a text lacks the user's language. */
export const LANGUAGES = ["ru", "en", "az"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Multilingual text: `{ ru?, en?, az? }` with at least one language present. */
export type LocalizedText = Partial<Record<Language, string>>;

/** Picks the text in `lang`, else the first available one, and says which language it came from. */
export function pickText(
  text: LocalizedText | null | undefined,
  lang: Language,
): { value: string; lang: Language } | null {
  if (!text) return null;
  const own = text[lang];
  if (own) return { value: own, lang };
  for (const other of LANGUAGES) {
    const value = text[other];
    if (value) return { value, lang: other };
  }
  return null;
}
