import type { LocalizedText } from "./i18n-text.ts";

/**
 * Countries a commission of a CIS ministry of economy typically pairs with: CIS and neighbours, Turkey, China,
 * the Gulf, Europe and major partners. ISO 3166-1 alpha-2 codes; the az names are unreviewed.
 */
export const COUNTRIES: Record<string, Required<LocalizedText>> = {
  AZ: { ru: "Азербайджан", en: "Azerbaijan", az: "Azərbaycan" },
  KG: { ru: "Кыргызстан", en: "Kyrgyzstan", az: "Qırğızıstan" },
  KZ: { ru: "Казахстан", en: "Kazakhstan", az: "Qazaxıstan" },
  UZ: { ru: "Узбекистан", en: "Uzbekistan", az: "Özbəkistan" },
  TJ: { ru: "Таджикистан", en: "Tajikistan", az: "Tacikistan" },
  TM: { ru: "Туркменистан", en: "Turkmenistan", az: "Türkmənistan" },
  RU: { ru: "Россия", en: "Russia", az: "Rusiya" },
  BY: { ru: "Беларусь", en: "Belarus", az: "Belarus" },
  AM: { ru: "Армения", en: "Armenia", az: "Ermənistan" },
  GE: { ru: "Грузия", en: "Georgia", az: "Gürcüstan" },
  UA: { ru: "Украина", en: "Ukraine", az: "Ukrayna" },
  MD: { ru: "Молдова", en: "Moldova", az: "Moldova" },
  MN: { ru: "Монголия", en: "Mongolia", az: "Monqolustan" },
  AF: { ru: "Афганистан", en: "Afghanistan", az: "Əfqanıstan" },
  TR: { ru: "Турция", en: "Türkiye", az: "Türkiyə" },
  IR: { ru: "Иран", en: "Iran", az: "İran" },
  CN: { ru: "Китай", en: "China", az: "Çin" },
  IN: { ru: "Индия", en: "India", az: "Hindistan" },
  PK: { ru: "Пакистан", en: "Pakistan", az: "Pakistan" },
  AE: { ru: "ОАЭ", en: "United Arab Emirates", az: "BƏƏ" },
  SA: { ru: "Саудовская Аравия", en: "Saudi Arabia", az: "Səudiyyə Ərəbistanı" },
  QA: { ru: "Катар", en: "Qatar", az: "Qətər" },
  KW: { ru: "Кувейт", en: "Kuwait", az: "Küveyt" },
  OM: { ru: "Оман", en: "Oman", az: "Oman" },
  BH: { ru: "Бахрейн", en: "Bahrain", az: "Bəhreyn" },
  EG: { ru: "Египет", en: "Egypt", az: "Misir" },
  HU: { ru: "Венгрия", en: "Hungary", az: "Macarıstan" },
  IT: { ru: "Италия", en: "Italy", az: "İtaliya" },
  DE: { ru: "Германия", en: "Germany", az: "Almaniya" },
  FR: { ru: "Франция", en: "France", az: "Fransa" },
  GB: { ru: "Великобритания", en: "United Kingdom", az: "Böyük Britaniya" },
  PL: { ru: "Польша", en: "Poland", az: "Polşa" },
  RS: { ru: "Сербия", en: "Serbia", az: "Serbiya" },
  LV: { ru: "Латвия", en: "Latvia", az: "Latviya" },
  LT: { ru: "Литва", en: "Lithuania", az: "Litva" },
  EE: { ru: "Эстония", en: "Estonia", az: "Estoniya" },
  KR: { ru: "Республика Корея", en: "Republic of Korea", az: "Koreya Respublikası" },
  JP: { ru: "Япония", en: "Japan", az: "Yaponiya" },
  US: { ru: "США", en: "United States", az: "ABŞ" },
};

export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
