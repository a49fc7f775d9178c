import { Document as DocxDocument, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { attachmentDisposition, inspectUpload, sanitizeFileName, sniffMediaType } from "./document-file.ts";

const zipWith = (partName: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.from(`\0\0${partName}\0\0`, "latin1")]);
const windowsExecutable = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(64)]);

describe("what an uploaded file is, by its bytes", () => {
  it("recognises PDF, DOCX, XLSX, UTF-8 text and HTML", async () => {
    const docx = await Packer.toBuffer(new DocxDocument({ sections: [{ children: [new Paragraph("Протокол")] }] }));
    expect(sniffMediaType(Buffer.from("%PDF-1.7\n%âãÏÓ\n"), "protocol.pdf")).toBe("application/pdf");
    expect(sniffMediaType(Buffer.from(docx), "protocol.docx")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(sniffMediaType(zipWith("xl/workbook.xml"), "trade.XLSX")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(sniffMediaType(Buffer.from("Протокол шестого заседания\n"), "notes.txt")).toBe("text/plain; charset=utf-8");
    expect(sniffMediaType(Buffer.from("\uFEFF<!-- saved -->\n<!DOCTYPE html><html></html>"), "page.htm")).toBe(
      "text/html; charset=utf-8",
    );
  });

  it("trusts no name: an executable called .pdf, a DOCX that is another ZIP, Latin-1 text and binary are refused", () => {
    expect(sniffMediaType(windowsExecutable, "protocol.pdf")).toBeNull();
    expect(sniffMediaType(zipWith("xl/workbook.xml"), "protocol.docx")).toBeNull();
    expect(sniffMediaType(zipWith("word/document.xml"), "archive.zip")).toBeNull();
    expect(sniffMediaType(Buffer.from([0x50, 0x72, 0xe9, 0x73]), "latin1.txt")).toBeNull();
    expect(sniffMediaType(Buffer.from("text\0with NUL"), "notes.txt")).toBeNull();
  });

  it("answers 413 above 20 MB, 415 for other types and 400 for an empty file", () => {
    expect(() => inspectUpload("big.pdf", Buffer.alloc(20 * 1024 * 1024 + 1))).toThrowError(
      expect.objectContaining({ code: "payload_too_large" }),
    );
    expect(() => inspectUpload("setup.pdf", windowsExecutable)).toThrowError(
      expect.objectContaining({ code: "unsupported_media_type", message: expect.stringContaining("setup.pdf") }),
    );
    expect(() => inspectUpload("empty.txt", Buffer.alloc(0))).toThrowError(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });

  it("keeps the facts: size and SHA-256", () => {
    const stored = inspectUpload("a.txt", Buffer.from("abc"));
    expect(stored.facts).toEqual({
      name: "a.txt",
      mediaType: "text/plain; charset=utf-8",
      sizeBytes: 3,
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    });
  });
});

describe("file names", () => {
  it("drops paths, control characters and leading dots, and keeps the extension within 255 characters", () => {
    expect(sanitizeFileName("C:\\Users\\sec\\Протокол №6.pdf")).toBe("Протокол №6.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName('..\u0000"evil"\n.txt')).toBe("evil.txt");
    expect(sanitizeFileName("dir/")).toBe("document");
    const long = sanitizeFileName(`${"д".repeat(300)}.docx`);
    expect([...long]).toHaveLength(255);
    expect(long.endsWith(".docx")).toBe(true);
  });

  it("sends any name as RFC 5987 UTF-8 in Content-Disposition", () => {
    expect(attachmentDisposition("Протокол (6).pdf")).toBe(
      "attachment; filename*=UTF-8''%D0%9F%D1%80%D0%BE%D1%82%D0%BE%D0%BA%D0%BE%D0%BB%20%286%29.pdf",
    );
  });
});
