/** A stretch of the normalised text with its absolute offsets. */
export interface TextPiece {
  text: string;
  start: number;
  end: number;
}

export interface Line extends TextPiece {
  index: number;
}

export interface Sentence extends TextPiece {
  lineIndex: number;
}

export interface SegmentedText {
  text: string;
  lines: Line[];
  sentences: Sentence[];
}

// Intl.Segmenter slows down on one huge string, so a very long line is cut at sentence ends before segmenting.
const MAX_SEGMENTER_INPUT = 20_000;
// A segment that ends in one of these was cut after an abbreviation, not at a sentence end.
const ABBREVIATION_END =
  /(?:^|[\s(«"])(?:г|гг|гор|им|ул|просп|д|стр|ст|п|пп|см|рис|табл|напр|т\.е|т\.к|т\.д|т\.п|янв|февр?|апр|авг|сент?|окт|нояб?|дек|Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Nr|Art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|vs|etc|approx|U\.S|e\.g|i\.e|[A-ZА-ЯЁ])\.\s*$/u;
const YEAR_ABBREVIATION_END = /\d\s*гг?\.\s*$/;
// Item numbers such as "1.", "1.1." or "IV." stand in front of their sentence.
const ITEM_NUMBER_ONLY = /^\s*(?:\d+(?:\.\d+)*|[IVXLC]+)\.?\s*$/;

const segmenter = new Intl.Segmenter("ru", { granularity: "sentence" });

/** Splits the text into lines and the lines into sentences; a sentence never crosses a line break. */
export function segmentText(text: string): SegmentedText {
  const lines: Line[] = [];
  const sentences: Sentence[] = [];
  let start = 0;
  for (const lineText of text.split("\n")) {
    const line: Line = { text: lineText, start, end: start + lineText.length, index: lines.length };
    lines.push(line);
    if (lineText.trim() !== "") sentences.push(...segmentLine(line));
    start = line.end + 1;
  }
  return { text, lines, sentences };
}

function segmentLine(line: Line): Sentence[] {
  const pieces: TextPiece[] = [];
  for (const chunk of chunkLongText(line.text)) {
    for (const s of segmenter.segment(chunk.text)) {
      pieces.push({ text: s.segment, start: chunk.start + s.index, end: chunk.start + s.index + s.segment.length });
    }
  }
  return joinFalseBreaks(pieces).flatMap((piece) => {
    const trimmed = trimPiece(piece);
    return trimmed
      ? [{ ...trimmed, start: line.start + trimmed.start, end: line.start + trimmed.end, lineIndex: line.index }]
      : [];
  });
}

function chunkLongText(text: string): TextPiece[] {
  if (text.length <= MAX_SEGMENTER_INPUT) return [{ text, start: 0, end: text.length }];
  const chunks: TextPiece[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_SEGMENTER_INPUT);
    if (end < text.length) {
      const cut = text.lastIndexOf(". ", end);
      if (cut > start) end = cut + 2;
    }
    chunks.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  return chunks;
}

// The segmenter breaks after "г.", initials and item numbers, and inside «…»: glue those pieces back.
function joinFalseBreaks(pieces: TextPiece[]): TextPiece[] {
  const joined: TextPiece[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    if (last && shouldJoin(last.text, piece.text)) {
      joined[joined.length - 1] = { text: last.text + piece.text, start: last.start, end: piece.end };
    } else {
      joined.push({ ...piece });
    }
  }
  return joined;
}

function shouldJoin(previous: string, next: string): boolean {
  // "2025 г." is the year written short and may well end the sentence.
  if (YEAR_ABBREVIATION_END.test(previous)) return /^\s*[\p{Ll}]/u.test(next);
  if (ABBREVIATION_END.test(previous) || ITEM_NUMBER_ONLY.test(previous)) return true;
  if (quoteDepth(previous) > 0) return true;
  // A sentence cannot start with a lower-case letter or a digit group that continues a number ("1.5 млн").
  return /^\s*[\p{Ll}]/u.test(next);
}

function quoteDepth(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (ch === "«") depth++;
    else if (ch === "»" && depth > 0) depth--;
  }
  return depth;
}

function trimPiece(piece: TextPiece): TextPiece | null {
  const leading = piece.text.length - piece.text.trimStart().length;
  const text = piece.text.trim();
  if (text === "") return null;
  return { text, start: piece.start + leading, end: piece.start + leading + text.length };
}
