import type { ExtractionError, ExtractionErrorCode } from "../../../extract/index.ts";
import type { ExtractResult } from "../../../shared/api/imports.ts";
import type { ErrorCode } from "../../../shared/errors.ts";
import { AppError } from "../../http/errors.ts";
import { factEvidence } from "./fact-evidence.ts";

export type ExtractInput = {
  bytes: Uint8Array;
  fileName?: string;
  mediaType?: string;
  /** The request field the document came in, named in error messages. */
  field: "file" | "text";
};

const REJECTIONS: Record<ExtractionErrorCode, { code: ErrorCode; hint: string }> = {
  empty_input: { code: "validation_failed", hint: "Check that you chose the right file, or paste the text instead." },
  no_text: { code: "validation_failed", hint: "Upload the DOCX the PDF was made from, or paste the text." },
  unreadable_docx: { code: "validation_failed", hint: "Open it in Word, save it again as .docx, or upload a PDF." },
  unreadable_pdf: { code: "validation_failed", hint: "Upload a PDF without a password, or the DOCX it came from." },
  binary_input: { code: "unsupported_media_type", hint: "Upload a .txt, .html, .docx or .pdf file." },
  unsupported_format: { code: "unsupported_media_type", hint: "Upload a .txt, .html, .docx or .pdf file." },
  too_large: { code: "payload_too_large", hint: "Upload the protocol or press release alone, not a whole collection." },
};

/** Bad input answers 4xx: the extractor's reason in `details.reason`, its words and a way out in the message. */
function rejected(error: ExtractionError, field: ExtractInput["field"]): AppError {
  const { code, hint } = REJECTIONS[error.code];
  return new AppError(code, `${field}: ${error.message} ${hint}`, { path: field, reason: error.code });
}

/** Reads a document into a draft for a person to review, with each fact's evidence in the normalised text. */
export async function extractForReview(input: ExtractInput): Promise<ExtractResult> {
  // Loaded on first use: the readers (mammoth, unpdf) stay out of the start-up of the server and of the CLI.
  const extractor = await import("../../../extract/index.ts");
  try {
    const { draft, text } = await extractor.extractDocument(input);
    return { draft, text, evidence: factEvidence(draft), warnings: draft.warnings, language: draft.language };
  } catch (error) {
    if (error instanceof extractor.ExtractionError) throw rejected(error, input.field);
    throw error;
  }
}
