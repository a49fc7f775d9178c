import { ExtractionError } from "../errors.ts";

/**
 * The text layer of a PDF. Lines that a page wraps mid-sentence are joined back (a line followed by one that
 * starts in lower case), so that sentences and enumerations are whole again.
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pages: string[];
  try {
    // Verbosity 0: pdf.js reports what it repairs on the console otherwise.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    throw new ExtractionError("unreadable_pdf", "The PDF file is damaged or encrypted and cannot be read.", {
      cause: error,
    });
  }
  const text = pages.map(rejoinWrappedLines).join("\n\n");
  if (text.trim() === "") {
    throw new ExtractionError("no_text", "The PDF has no text layer (a scan?): run it through OCR first.");
  }
  return text;
}

function rejoinWrappedLines(page: string): string {
  return page.replace(/([^\n.:;!?])\n(?=\p{Ll})/gu, "$1 ");
}
