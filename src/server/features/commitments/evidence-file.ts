import { createHash } from "node:crypto";
import { MAX_EVIDENCE_FILE_BYTES } from "../../../shared/api/commitments.ts";
import { AppError } from "../../http/errors.ts";
import { type StoredFile, sanitizeFileName, sniffMediaType } from "../documents/document-file.ts";
import type { UploadedFile } from "../documents/documents.service.ts";

export const EVIDENCE_SIZE_RULE = `an evidence file may be at most ${MAX_EVIDENCE_FILE_BYTES} bytes (10 MB)`;

const IMAGE_SIGNATURES = [
  { mediaType: "image/png", magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: "image/jpeg", magic: Buffer.from([0xff, 0xd8, 0xff]) },
] as const;

/** Evidence is what a ministry would scan, photograph or write up; HTML, which a document may be, is not among it. */
const EVIDENCE_MEDIA_TYPES = new Set([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/plain; charset=utf-8",
  ...IMAGE_SIGNATURES.map((s) => s.mediaType),
]);

/** A PNG or JPEG by its first bytes, else null. */
export function sniffImageType(bytes: Buffer): string | null {
  return IMAGE_SIGNATURES.find((s) => bytes.subarray(0, s.magic.length).equals(s.magic))?.mediaType ?? null;
}

/** What the bytes are, whatever the name says; null when they are not a kind of evidence taken. */
export function sniffEvidenceType(bytes: Buffer, fileName: string): string | null {
  const mediaType = sniffImageType(bytes) ?? sniffMediaType(bytes, fileName);
  return mediaType !== null && EVIDENCE_MEDIA_TYPES.has(mediaType) ? mediaType : null;
}

/** Checks one evidence file (`path` names it in errors): 413 when too large, 415 when its bytes are not allowed. */
export function inspectEvidence(upload: UploadedFile, path: string): StoredFile {
  const name = sanitizeFileName(upload.name);
  const { content } = upload;
  if (content.length > MAX_EVIDENCE_FILE_BYTES) {
    throw new AppError("payload_too_large", `${path}: ${name} is ${content.length} bytes; ${EVIDENCE_SIZE_RULE}.`, {
      path,
      maxBytes: MAX_EVIDENCE_FILE_BYTES,
    });
  }
  if (content.length === 0) throw new AppError("validation_failed", `${path}: ${name} is empty.`, { path });
  const mediaType = sniffEvidenceType(content, name);
  if (mediaType === null) {
    throw new AppError(
      "unsupported_media_type",
      `${path}: ${name} is not a PDF, DOCX, XLSX, PNG, JPEG or UTF-8 text file (its contents were checked, not its name).`,
      { path },
    );
  }
  const sha256 = createHash("sha256").update(content).digest("hex");
  return { facts: { name, mediaType, sizeBytes: content.length, sha256 }, content };
}
