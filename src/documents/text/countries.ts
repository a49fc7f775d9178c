import { COUNTRIES } from "../../shared/countries.ts";
import type { Language } from "../../shared/i18n-text.ts";

/** A country's name in the language, or its code when IGC Desk does not know it. */
export function countryName(code: string, lang: Language): string {
  return COUNTRIES[code]?.[lang] ?? code;
}
