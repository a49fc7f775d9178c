import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../../shared/i18n-text.ts";
import { LANGUAGES } from "../../shared/i18n-text.ts";
import * as accounts from "./accounts.ts";
import * as audit from "./audit.ts";
import { az } from "./az.ts";
import * as documents from "./documents.ts";
import { en } from "./en.ts";
import * as monitoring from "./monitoring.ts";
import * as publication from "./publication.ts";
import { ru } from "./ru.ts";
import * as signIn from "./sign-in.ts";

const STORAGE_KEY = "igc-desk.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's language when we speak it, else Russian (the commissions' working language). */
function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage may be disabled (private mode, policy): the choice then lasts for the page only.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return "ru";
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See initialLanguage.
  }
}

/** The UI language, narrowed to the ones we speak. */
export function currentLanguage(): Language {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lang) ? lang : "en";
}

export async function initI18n(): Promise<void> {
  i18next.on("languageChanged", (lang) => {
    document.documentElement.lang = lang;
  });
  await i18next.use(initReactI18next).init({
    resources: {
      en: {
        translation: {
          ...en,
          ...monitoring.en,
          ...documents.en,
          ...audit.en,
          ...publication.en,
          ...signIn.en,
          ...accounts.en,
        },
      },
      ru: {
        translation: {
          ...ru,
          ...monitoring.ru,
          ...documents.ru,
          ...audit.ru,
          ...publication.ru,
          ...signIn.ru,
          ...accounts.ru,
        },
      },
      az: {
        translation: {
          ...az,
          ...monitoring.az,
          ...documents.az,
          ...audit.az,
          ...publication.az,
          ...signIn.az,
          ...accounts.az,
        },
      },
    },
    lng: initialLanguage(),
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  document.documentElement.lang = currentLanguage();
}

export { i18next };
