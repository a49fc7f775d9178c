import { createHash } from "node:crypto";
import { type DocumentFile, MAX_DOCUMENT_FILE_BYTES } from "../../../shared/api/documents.ts";
import { AppError } from "../../http/errors.ts";

/** An uploaded file as it is stored: a safe name, the type its bytes show, size and checksum, and the bytes. */
export type StoredFile = { facts: DocumentFile; content: Buffer };

const MAX_FILE_NAME_LENGTH = 255;
export const FILE_SIZE_RULE = `a document file may be at most ${MAX_DOCUMENT_FILE_BYTES} bytes (20 MB)`;
const PDF_MAGIC = Buffer.from("%PDF-", "latin1");
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OFFICE_FORMATS = [
  {
    extension: ".docx",
    mainPart: "word/document.xml",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  {
    extension: ".xlsx",
    mainPart: "xl/workbook.xml",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
] as const;
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/i;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function extensionOf(fileName: string): string {
  return /\.[^.]+$/.exec(fileName)?.[0].toLowerCase() ?? "";
}

function textOf(bytes: Buffer): string | null {
  try {
    const text = strictUtf8.decode(bytes);
    return text.includes("\u0000") ? null : text;
  } catch {
    return null;
  }
}

/** What the bytes are, whatever the name says; null when they are none of the kinds a secretariat files. */
export function sniffMediaType(bytes: Buffer, fileName: string): string | null {
  if (bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return "application/pdf";
  if (bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
    // Any ZIP starts so; the part names sit uncompressed in the archive, so a DOCX without word/document.xml is not one.
    const office = OFFICE_FORMATS.find((f) => f.extension === extensionOf(fileName));
    return office && bytes.includes(office.mainPart, 0, "latin1") ? office.mediaType : null;
  }
  const text = textOf(bytes);
  if (text === null) return null;
  return HTML_START.test(text.slice(0, 4096)) ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
}

/** The last path segment without control characters, at most 255 characters, keeping the extension. */
export function sanitizeFileName(name: string): string {
  const lastSegment = name.split(/[\\/]/).at(-1) ?? "";
  const clean =
    lastSegment
      .replace(/[\p{Cc}"]/gu, "")
      .trim()
      .replace(/^\.+/, "") || "document";
  const characters = [...clean];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return clean;
  const extension = [...extensionOf(clean)].slice(0, 16);
  return [...characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length), ...extension].join("");
}

/** Checks an upload and prepares it for storage: 413 when too large, 415 when its bytes are not an allowed type. */
export function inspectUpload(name: string, content: Buffer): StoredFile {
  if (content.length > MAX_DOCUMENT_FILE_BYTES) {
    throw new AppError("payload_too_large", `file: is ${content.length} bytes; ${FILE_SIZE_RULE}.`, {
      path: "file",
      maxBytes: MAX_DOCUMENT_FILE_BYTES,
    });
  }
  if (content.length === 0) throw new AppError("validation_failed", "file: is empty.", { path: "file" });
  const fileName = sanitizeFileName(name);
  const mediaType = sniffMediaType(content, fileName);
  if (mediaType === null) {
    throw new AppError(
      "unsupported_media_type",
      `file: ${fileName} is not a PDF, DOCX, XLSX, UTF-8 text or HTML file (its contents were checked, not its name).`,
      { path: "file" },
    );
  }
  const sha256 = createHash("sha256").update(content).digest("hex");
  return { facts: { name: fileName, mediaType, sizeBytes: content.length, sha256 }, content };
}

/** `attachment; filename*=UTF-8''…` (RFC 6266/5987), so that any name, Cyrillic too, reaches the browser intact. */
export function attachmentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}
