import { z } from "zod";

/** Languages the product speaks. The UI falls back visibly when a text lacks the user's language. */
export const LANGUAGES = ["ru", "en", "az"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Multilingual text: `{ ru?, en?, az? }` with at least one language present. */
export type LocalizedText = Partial<Record<Language, string>>;

export function localizedTextSchema(maxLength: number) {
  const one = z.string().trim().min(1, "must not be empty").max(maxLength, `must be at most ${maxLength} characters`);
  return z
    .strictObject({ ru: one.optional(), en: one.optional(), az: one.optional() })
    .refine((t) => t.ru !== undefined || t.en !== undefined || t.az !== undefined, {
      message: "give the text in at least one language (ru, en or az)",
    });
}

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
