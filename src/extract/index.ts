import { ExtractionError } from "./errors.ts";
import { extractFromText } from "./extract-from-text.ts";
import { readDocument } from "./read/read-document.ts";
import { normalizeText } from "./text/normalize.ts";
import type { ExtractionInput, ExtractionResult } from "./types.ts";

export { ExtractionError, type ExtractionErrorCode, MAX_INPUT_BYTES } from "./errors.ts";
export { evidenceOf } from "./evidence.ts";
export { extractFromText } from "./extract-from-text.ts";
export { detectFormat } from "./read/read-document.ts";
export { normalizeText } from "./text/normalize.ts";
export type * from "./types.ts";

/**
 * Reads a document (.txt, .html, .docx, .pdf) and extracts its draft. Rejects bad input with an
 * `ExtractionError` (empty, binary, too large, unreadable); any other failure is reported as one too.
 */
export async function extractDocument(input: ExtractionInput): Promise<ExtractionResult> {
  const read = await readDocument(input).catch((error: unknown) => {
    throw error instanceof ExtractionError
      ? error
      : new ExtractionError("unsupported_format", "The document could not be read.", { cause: error });
  });
  const text = normalizeText(read.text);
  if (text === "") throw new ExtractionError("empty_input", "The document has no text.");
  const draft = extractFromText(text);
  draft.warnings.push(...read.messages.map((message) => ({ code: "reader_message" as const, message })));
  return {
    draft,
    text,
    source: {
      format: read.format,
      fileName: input.fileName ?? null,
      mediaType: input.mediaType ?? null,
      byteLength: input.bytes.byteLength,
    },
  };
}
