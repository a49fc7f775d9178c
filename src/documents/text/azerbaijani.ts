/** Azerbaijani suffixes follow the last vowel of the word (vowel harmony): back a ı o u, front e ə i ö ü. */
const BACK_VOWELS = new Set(["a", "ı", "o", "u"]);
const VOWELS = /[aıoueəiöü]/g;

function hasBackVowel(word: string): boolean {
  const last = word.toLocaleLowerCase("az").match(VOWELS)?.at(-1);
  return last !== undefined && BACK_VOWELS.has(last);
}

/** "in X": Qırğızıstan → Qırğızıstanda, Azərbaycan → Azərbaycanda. */
export function azerbaijaniLocative(word: string): string {
  return `${word}${hasBackVowel(word) ? "da" : "də"}`;
}
