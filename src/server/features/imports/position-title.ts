// Documents name a co-chair's post in the case of the sentence: «под сопредседательством заместителя
// Премьер-министра …», «with … chaired by». A position is stored as a title, so the head phrase of a Russian post —
// the leading adjectives and the first noun — goes back to the nominative; the rest (Премьер-министра, Кабинета
// Министров) already stands in the genitive the title needs. Only the masculine forms posts take are handled.
const ADJECTIVE_ENDINGS: [RegExp, string][] = [
  [/(\p{L}*[гкхжшчщ])(?:ого|им)$/u, "$1ий"],
  [/(\p{L}*)(?:его|им)$/u, "$1ий"],
  [/(\p{L}*)(?:ого|ым)$/u, "$1ый"],
];
const NOUN_ENDINGS: [RegExp, string][] = [
  [/(\p{L}*)(?:я|ем)$/u, "$1ь"],
  [/(\p{L}*[бвгдзклмнпрстфхжшчщ])(?:а|ом)$/u, "$1"],
];

function replaceFirst(word: string, rules: [RegExp, string][]): string | null {
  const rule = rules.find(([pattern]) => pattern.test(word));
  return rule ? word.replace(rule[0], rule[1]) : null;
}

/** Each part of a hyphenated word inflects («вице-премьера» → «вице-премьер» keeps «вице»). */
function nounNominative(word: string): string {
  const parts = word.split("-");
  const last = parts.pop() ?? "";
  return [...parts, replaceFirst(last, NOUN_ENDINGS) ?? last].join("-");
}

function russianTitle(written: string): string {
  const words = written.split(" ");
  const title: string[] = [];
  let index = 0;
  for (; index < words.length; index++) {
    const adjective = replaceFirst(words[index] ?? "", ADJECTIVE_ENDINGS);
    if (adjective === null) break;
    title.push(adjective);
  }
  const noun = words[index];
  if (noun === undefined) return written;
  return [...title, nounNominative(noun), ...words.slice(index + 1)].join(" ");
}

/** A co-chair's position as a title: capitalised, and in Russian with its head phrase in the nominative. */
export function positionTitle(written: string, language: "ru" | "en" | "az"): string {
  const title = language === "ru" ? russianTitle(written) : written;
  return title.charAt(0).toUpperCase() + title.slice(1);
}
