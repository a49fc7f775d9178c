import type { Line, Sentence } from "../text/segment.ts";

/** What every rule reads: the normalised text, its lines and sentences, language and publication date. */
export interface DocumentContext {
  text: string;
  lines: readonly Line[];
  sentences: readonly Sentence[];
  language: "ru" | "en";
  /** YYYY-MM-DD from the header lines; dates written without a year take its year. */
  published: string | null;
}

/** The sentence after this one on the same line or the next non-empty line. */
export function nextSentence(context: DocumentContext, sentence: Sentence): Sentence | null {
  const index = context.sentences.indexOf(sentence);
  return context.sentences[index + 1] ?? null;
}
