import { ExtractionError } from "../errors.ts";

const SAMPLE_BYTES = 8192;

/**
 * Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or the legacy Cyrillic code page when the
 * bytes are not UTF-8. Bytes with NULs or many control characters are binary and refused.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  if (looksBinary(bytes)) {
    throw new ExtractionError(
      "binary_input",
      "The file is binary, not text: upload a TXT, HTML, DOCX or PDF document.",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed and carriage return are text; other C0 controls are not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
