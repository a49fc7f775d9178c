/**
 * Ordinal numbers in words, Russian and English, in every case and gender: the stem is enough because the
 * ending only agrees with "заседание" / "сессия". Tens combine with units ("двадцать первое", "twenty-first").
 */
const RU_UNIT_STEMS: ReadonlyArray<readonly [number, string]> = [
  [1, "перв"],
  [2, "втор"],
  [3, "трет[ь]?"],
  [4, "четв[её]рт"],
  [5, "пят"],
  [6, "шест"],
  [7, "седьм"],
  [8, "восьм"],
  [9, "девят"],
  [10, "десят"],
  [11, "одиннадцат"],
  [12, "двенадцат"],
  [13, "тринадцат"],
  [14, "четырнадцат"],
  [15, "пятнадцат"],
  [16, "шестнадцат"],
  [17, "семнадцат"],
  [18, "восемнадцат"],
  [19, "девятнадцат"],
  [20, "двадцат"],
  [30, "тридцат"],
  [40, "сороков"],
];
const RU_TENS: ReadonlyArray<readonly [number, string]> = [
  [20, "двадцать"],
  [30, "тридцать"],
  [40, "сорок"],
];
const RU_ENDING = "(?:ое|ого|ому|ом|ым|ой|ая|ую|ый|ий|ые|ых|ье|ьего|ьему|ьем|ья|ью|ьей|ий|ей|его|ему|ем|ее|яя|юю)";

const EN_UNITS: ReadonlyArray<readonly [number, string]> = [
  [1, "first"],
  [2, "second"],
  [3, "third"],
  [4, "fourth"],
  [5, "fifth"],
  [6, "sixth"],
  [7, "seventh"],
  [8, "eighth"],
  [9, "ninth"],
  [10, "tenth"],
  [11, "eleventh"],
  [12, "twelfth"],
  [13, "thirteenth"],
  [14, "fourteenth"],
  [15, "fifteenth"],
  [16, "sixteenth"],
  [17, "seventeenth"],
  [18, "eighteenth"],
  [19, "nineteenth"],
  [20, "twentieth"],
  [30, "thirtieth"],
  [40, "fortieth"],
];
const EN_TENS: ReadonlyArray<readonly [number, string]> = [
  [20, "twenty"],
  [30, "thirty"],
  [40, "forty"],
];

const RU_ORDINAL_WORD = `(?:(?:${RU_TENS.map(([, w]) => w).join("|")})\\s+)?(?:${RU_UNIT_STEMS.map(([, s]) => s).join("|")})${RU_ENDING}`;
const EN_ORDINAL_WORD = `(?:(?:${EN_TENS.map(([, w]) => w).join("|")})[-\\s])?(?:${EN_UNITS.map(([, w]) => w).join("|")})`;
// "6-е", "18-го", "7-ом", "10th", "XVIII", "№ 5".
const DIGIT_ORDINAL = "\\d{1,3}(?:\\s?-\\s?(?:[а-яё]{1,3})|(?:st|nd|rd|th))";
const ROMAN_ORDINAL = "[IVXL]{1,6}";

/** Regex source for one ordinal: in words, digits with a suffix, or Roman numerals. */
export const ORDINAL_PATTERN = `(?:${RU_ORDINAL_WORD}|${EN_ORDINAL_WORD}|${DIGIT_ORDINAL}|${ROMAN_ORDINAL})`;

/** The number an ordinal stands for ("шестого" → 6, "twenty-first" → 21, "10-е" → 10, "XVIII" → 18). */
export function ordinalValue(written: string): number | null {
  const text = written.toLowerCase().trim();
  const digits = /^(\d{1,3})/.exec(text);
  if (digits) return Number(digits[1]);
  if (/^[ivxl]+$/.test(text)) return romanValue(text);
  const [first, second] = text.split(/[-\s]+/);
  if (second !== undefined && first !== undefined) {
    const tens = [...RU_TENS, ...EN_TENS].find(([, word]) => word === first)?.[0];
    const unit = unitValue(second);
    return tens !== undefined && unit !== null ? tens + unit : null;
  }
  return first === undefined ? null : unitValue(first);
}

function unitValue(word: string): number | null {
  const en = EN_UNITS.find(([, w]) => w === word);
  if (en) return en[0];
  // The longest stem wins so that "шестнадцатое" is not read as "шест…".
  const ru = [...RU_UNIT_STEMS]
    .sort((a, b) => b[1].length - a[1].length)
    .find(([, stem]) => new RegExp(`^${stem}${RU_ENDING}$`).test(word));
  return ru ? ru[0] : null;
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(text: string): number | null {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_DIGITS[text[i] ?? ""] ?? 0;
    const next = ROMAN_DIGITS[text[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}
