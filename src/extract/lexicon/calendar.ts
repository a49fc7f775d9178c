/** Month names by number, as stems that cover the genitive ("декабря"), the nominative and the short forms. */
const RU_MONTH_STEMS: ReadonlyArray<readonly [number, string]> = [
  [1, "январ[ьяе]|янв"],
  [2, "феврал[ьяе]|февр?"],
  [3, "марта?|марте|мар"],
  [4, "апрел[ьяе]|апр"],
  [5, "ма[йяе]"],
  [6, "июн[ьяе]|июн"],
  [7, "июл[ьяе]|июл"],
  [8, "августа?|августе|авг"],
  [9, "сентябр[ьяе]|сент?"],
  [10, "октябр[ьяе]|окт"],
  [11, "ноябр[ьяе]|нояб?"],
  [12, "декабр[ьяе]|дек"],
];

const EN_MONTH_STEMS: ReadonlyArray<readonly [number, string]> = [
  [1, "January|Jan"],
  [2, "February|Feb"],
  [3, "March|Mar"],
  [4, "April|Apr"],
  [5, "May"],
  [6, "June|Jun"],
  [7, "July|Jul"],
  [8, "August|Aug"],
  [9, "September|Sept|Sep"],
  [10, "October|Oct"],
  [11, "November|Nov"],
  [12, "December|Dec"],
];

const RU_MONTH_REGEXES = RU_MONTH_STEMS.map(([month, stem]) => [month, new RegExp(`^(?:${stem})\\.?$`, "iu")] as const);
const EN_MONTH_REGEXES = EN_MONTH_STEMS.map(([month, stem]) => [month, new RegExp(`^(?:${stem})\\.?$`, "i")] as const);

export const RU_MONTH_PATTERN = RU_MONTH_STEMS.map(([, stem]) => stem).join("|");
export const EN_MONTH_PATTERN = EN_MONTH_STEMS.map(([, stem]) => stem).join("|");

/** The month number of a Russian or English month word, or null. */
export function monthNumber(word: string): number | null {
  for (const [month, regex] of [...RU_MONTH_REGEXES, ...EN_MONTH_REGEXES]) if (regex.test(word)) return month;
  return null;
}
