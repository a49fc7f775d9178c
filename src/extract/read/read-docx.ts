import { ExtractionError } from "../errors.ts";
import { htmlToText } from "./html-to-text.ts";

/** The text of a DOCX, through mammoth's HTML so that numbered lists keep their numbers; images are skipped. */
export async function readDocx(bytes: Uint8Array): Promise<{ text: string; messages: string[] }> {
  const { default: mammoth } = await import("mammoth");
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
    );
    return {
      text: htmlToText(result.value),
      messages: result.messages.filter((m) => m.type === "error").map((m) => m.message),
    };
  } catch (error) {
    throw new ExtractionError("unreadable_docx", "The DOCX file is damaged or is not a Word document.", {
      cause: error,
    });
  }
}
