import { useTranslation } from "react-i18next";
import type { Language } from "../shared/i18n-text.ts";
import { isLanguage } from "./i18n/index.ts";

/** The translation function and the current UI language, re-rendering when the language changes. */
export function useLang(): { t: ReturnType<typeof useTranslation>["t"]; lang: Language } {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return { t, lang: isLanguage(lang) ? lang : "en" };
}
