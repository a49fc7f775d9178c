/**
 * Hand-written Russian word-shape tests. No morphology package ships a part-of-speech model small and fast
 * enough for every word of a long document, and the rules only need a few coarse distinctions.
 */

// Adjective and participle endings in every case ("Азербайджанской", "совместных", "Северо-Западный").
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими)$/u;
// Adjectives in the nominative or accusative, which start a new item of an enumeration ("ежегодные квоты").
const NOMINATIVE_ADJECTIVE = /(?:ый|ий|ая|яя|ое|ее|ые|ие|ую|юю)$/u;
// Participles ("достигнутые", "направленных", "реализуемые") continue the phrase before them.
const PARTICIPLE = /(?:нн|вш|ющ|ащ|ящ|ущ|ем|им|т)(?:ый|ий|ая|ое|ые|ие|ую|ых|их|ого|ому|ым|ыми)$/u;
// Past-tense verbs, infinitives and reflexive forms ("договорились", "отметила", "расширять", "является"); present
// tense endings (-ет, -ит) are left out because too many nouns share them ("совет", "кредит").
const VERB = /(?:ть|ться|ести|ли|ла|ло|лся|лась|лись|лось|ется|ются|ится|ятся)$/u;

// Verbal nouns share the adjective endings ("заседание", "развитие").
const VERBAL_NOUN = /(?:ни|ти|ви|зи)е$/u;

export const isAdjective = (word: string): boolean => {
  const lower = word.toLowerCase();
  return ADJECTIVE.test(lower) && !VERBAL_NOUN.test(lower);
};
export const isNominativeAdjective = (word: string): boolean => {
  const lower = word.toLowerCase();
  return NOMINATIVE_ADJECTIVE.test(lower) && !PARTICIPLE.test(lower);
};
export const isVerbLike = (word: string): boolean => VERB.test(word.toLowerCase());

// Nouns of action that head an agreed item ("создание", "организацию", "поддержка", "обмен", "сотрудничество").
const ACTION_SUFFIX = /(?:ни[еяюи]|нием|ти[еяюи]|тием|ци[яиюе]|цией)$/u;
const ACTION_STEMS = [
  "сотрудничеств",
  "взаимодейств",
  "подготовк",
  "поддержк",
  "торговл",
  "обмен",
  "рост",
  "помощ",
  "разработк",
  "перевозк",
  "поставк",
  "закупк",
  "строительств",
  "перспектив",
  "возможност",
  "вопрос",
  "мер",
  "проект",
  "инициатив",
  "программ",
  "визит",
  "работ",
  "деятельност",
  "партнерств",
  "партнёрств",
  "диалог",
  "квот",
  "консультаци",
  "встреч",
  "переговор",
  "семинар",
  "конференц",
  "форум",
  "поездк",
  "открыти",
  "запуск",
  "продвижени",
  "привлечени",
  "налаживани",
  "интеграц",
  "экспорт",
  "импорт",
  "поиск",
  "использовани",
  "участи",
  "реализац",
  "упрощени",
  "меропри",
  "предложени",
  "план",
  "стажировк",
];

// Infinitives ("открыть", "провести", "увеличить"); nouns in -ость ("возможность") share the ending.
const INFINITIVE = /(?:ать|ять|еть|ить|уть|ыть|оть|сти|зти|чь)(?:ся)?$/u;
const NOT_INFINITIVE = /(?:ость|ность|асть|есть|сеть|путь)$/u;

export const isInfinitive = (word: string): boolean => {
  const lower = word.toLowerCase();
  return INFINITIVE.test(lower) && !NOT_INFINITIVE.test(lower);
};

/** True for a word that can head an agreed action in a Russian enumeration. */
export function isActionNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (ACTION_SUFFIX.test(lower) && !DOMAIN_NOUNS.some((stem) => lower.startsWith(stem))) return true;
  return ACTION_STEMS.some((stem) => lower.startsWith(stem));
}

// Nouns in -ние that name a field, not an action: "здравоохранения" lists a sector.
const DOMAIN_NOUNS = ["здравоохранени", "образовани", "машиностроени", "водоснабжени", "обеспечени", "законодательств"];

/** A rough stem for matching inflected forms of the same name: case endings off, then six letters. */
export function stemKey(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»“”„"'‘’`()]/g, "")
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) =>
      word
        .replace(
          /(?:ыми|ими|ами|ями|ого|его|ому|ему|ией|ой|ей|ом|ем|ам|ям|ах|ях|ов|ев|ий|ый|ая|ое|ые|ие|ым|им|ую|юю|ых|их|ию|ия|ии|ы|и|а|я|у|ю|е|о|s)$/u,
          "",
        )
        .slice(0, 6),
    )
    .join(" ");
}
