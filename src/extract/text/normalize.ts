// Invisible characters that readers leave behind (zero-width spaces, joiners, BOM, soft hyphen, word joiner).
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Control characters other than tab and line feed; a DOCX or PDF text layer sometimes carries them.
const CONTROL = /[^\P{Cc}\n\t]/gu;
// Every horizontal space (no-break, thin, figure, ideographic, tab) becomes one ordinary space.
const HORIZONTAL_SPACE = /[\t\p{Zs}]+/gu;

/**
 * The text every span points into: NFC, `\n` line ends, single spaces, no blank runs longer than one empty line.
 * Quotes, dashes and letters stay as written so that a reviewer sees the document's own wording.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(CONTROL, "")
    .replace(HORIZONTAL_SPACE, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
