export type ExtractionErrorCode =
  | "empty_input"
  | "binary_input"
  | "too_large"
  | "unsupported_format"
  | "unreadable_docx"
  | "unreadable_pdf"
  | "no_text";

/** The one kind of error `extractDocument` throws: bad input, told in words a secretariat can act on. */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;

  constructor(code: ExtractionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExtractionError";
    this.code = code;
  }
}

export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
