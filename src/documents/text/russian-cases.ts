/**
 * The genitive of a Russian noun phrase such as a commission's or a country's name, by ending rules: the leading
 * adjectives and the head noun change, the words after the head noun stay ("Совместная межправительственная
 * комиссия по сотрудничеству" → "Совместной межправительственной комиссии по сотрудничеству"). Good for the names
 * IGC Desk holds; a word outside the rules (an abbreviation, a Latin name) is left as it is and ends the head.
 */
const HUSHING_OR_VELAR = /[гкхжшчщ]$/i;

function withEnding(word: string, cut: number, ending: string): string {
  const stem = word.slice(0, word.length - cut);
  return stem + (word === word.toUpperCase() ? ending.toUpperCase() : ending);
}

function inflectAdjective(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.endsWith("ая")) return withEnding(word, 2, "ой");
  if (lower.endsWith("яя")) return withEnding(word, 2, "ей");
  if (lower.endsWith("ое") || lower.endsWith("ый") || lower.endsWith("ой")) return withEnding(word, 2, "ого");
  if (lower.endsWith("ее")) return withEnding(word, 2, "его");
  if (lower.endsWith("ий")) return withEnding(word, 2, HUSHING_OR_VELAR.test(lower.slice(0, -2)) ? "ого" : "его");
  return null;
}

function inflectNoun(word: string): string {
  const lower = word.toLowerCase();
  if (!/\p{Ll}$/u.test(word) || !/[а-яё]$/.test(lower)) return word; // abbreviations (ОАЭ, США) and Latin names
  if (lower.endsWith("я") || lower.endsWith("ь")) return withEnding(word, 1, "и");
  if (lower.endsWith("й")) return withEnding(word, 1, "я");
  if (lower.endsWith("а")) return withEnding(word, 1, HUSHING_OR_VELAR.test(lower.slice(0, -1)) ? "и" : "ы");
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return `${word}а`;
  return word;
}

export function russianGenitive(phrase: string): string {
  const words = phrase.split(" ");
  const leadingAdjectives = words.findIndex((word) => inflectAdjective(word) === null);
  const headEnd = leadingAdjectives === -1 ? words.length : leadingAdjectives;
  return words
    .map((word, i) => {
      if (i < headEnd) return inflectAdjective(word) ?? word;
      return i === headEnd ? inflectNoun(word) : word;
    })
    .join(" ");
}
