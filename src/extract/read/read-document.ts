import { ExtractionError, MAX_INPUT_BYTES } from "../errors.ts";
import type { DocumentFormat, ExtractionInput } from "../types.ts";
import { decodeText } from "./decode-text.ts";
import { htmlToText } from "./html-to-text.ts";
import { readDocx } from "./read-docx.ts";
import { readPdf } from "./read-pdf.ts";

export interface ReadDocument {
  text: string;
  format: DocumentFormat;
  messages: string[];
}

/** The document's text, whatever its format; refuses empty, binary, oversized and unreadable files. */
export async function readDocument(input: ExtractionInput): Promise<ReadDocument> {
  const { bytes } = input;
  if (bytes.byteLength === 0) throw new ExtractionError("empty_input", "The document is empty.");
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new ExtractionError(
      "too_large",
      `The document is ${megabytes(bytes.byteLength)} MB; the limit is ${megabytes(MAX_INPUT_BYTES)} MB.`,
    );
  }
  const format = detectFormat(input);
  switch (format) {
    case "pdf":
      return { text: await readPdf(bytes), format, messages: [] };
    case "docx": {
      const docx = await readDocx(bytes);
      return { text: docx.text, format, messages: docx.messages };
    }
    case "html":
      return { text: htmlToText(decodeText(bytes)), format, messages: [] };
    case "txt":
      return { text: decodeText(bytes), format, messages: [] };
  }
}

const megabytes = (n: number): string => (n / (1024 * 1024)).toFixed(1);

/** The format from the bytes first (a PDF or ZIP signature), then the media type, then the file name. */
export function detectFormat(input: ExtractionInput): DocumentFormat {
  const { bytes } = input;
  const name = input.fileName?.toLowerCase() ?? "";
  const media = input.mediaType?.toLowerCase() ?? "";
  if (startsWith(bytes, "%PDF-")) return "pdf";
  // Any ZIP is read as DOCX: mammoth tells a ZIP that is not a Word document apart.
  if (startsWith(bytes, "PK\u0003\u0004")) return "docx";
  if (name.endsWith(".pdf") || media === "application/pdf") return "pdf";
  if (name.endsWith(".docx") || media.includes("wordprocessingml")) return "docx";
  if (/\.x?html?$/.test(name) || media.includes("html")) return "html";
  if (name.endsWith(".doc") || name.endsWith(".rtf") || media === "application/msword") {
    throw new ExtractionError(
      "unsupported_format",
      "Old Word (.doc) and RTF files are not read: save the document as DOCX or PDF.",
    );
  }
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return /^(?:<!doctype html|<html|<head|<body|<meta|<p[\s>]|<div[\s>])/.test(head) ? "html" : "txt";
}

function startsWith(bytes: Uint8Array, signature: string): boolean {
  if (bytes.byteLength < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[i] !== signature.charCodeAt(i)) return false;
  return true;
}
