/**
 * Azerbaijani ordinal suffixes follow the vowel of the last number word spoken: 6 altı → 6-cı, 3 üç → 3-cü,
 * 9 doqquz → 9-cu, 1 bir → 1-ci; a round number takes the word of its last non-zero place (40 qırx → 40-cı).
 */
const UNIT_SUFFIXES = ["", "ci", "ci", "cü", "cü", "ci", "cı", "ci", "ci", "cu"] as const;
const TEN_SUFFIXES = ["", "cu", "ci", "cu", "cı", "ci", "cı", "ci", "ci", "cı"] as const;

function azerbaijaniSuffix(n: number): string {
  if (n % 10 !== 0) return UNIT_SUFFIXES[n % 10] ?? "ci";
  if (n % 100 !== 0) return TEN_SUFFIXES[(n % 100) / 10] ?? "ci";
  if (n % 1000 !== 0) return "cü"; // yüz
  return "ci"; // min
}

/** "6-cı", "2026-cı", "3-cü". */
export function azerbaijaniOrdinal(n: number): string {
  return `${n}-${azerbaijaniSuffix(n)}`;
}

/** "6th", "21st", "12th". */
export function englishOrdinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}
