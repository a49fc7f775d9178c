import { describe, expect, it } from "vitest";
import { MAX_EVIDENCE_FILE_BYTES } from "../../../shared/api/commitments.ts";
import { inspectEvidence, sniffEvidenceType } from "./evidence-file.ts";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

describe("evidence files", () => {
  it("recognises PNG and JPEG by their bytes, and the document kinds by document-file's rules", () => {
    expect(sniffEvidenceType(PNG, "photo.jpg")).toBe("image/png");
    expect(sniffEvidenceType(JPEG, "scan")).toBe("image/jpeg");
    expect(sniffEvidenceType(Buffer.from("%PDF-1.4\n%%EOF"), "a.txt")).toBe("application/pdf");
    expect(sniffEvidenceType(Buffer.from("Minutes of the working group"), "notes.txt")).toBe(
      "text/plain; charset=utf-8",
    );
  });

  it("takes no HTML and nothing unknown, whatever the name says", () => {
    expect(sniffEvidenceType(Buffer.from("<!doctype html><p>hi</p>"), "report.pdf")).toBeNull();
    expect(sniffEvidenceType(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0xff]), "report.pdf")).toBeNull();
  });

  it("names the file in its errors: 413 above 10 MB, 415 for other kinds, 400 when empty", () => {
    const tooLarge = { name: "big.pdf", content: Buffer.alloc(MAX_EVIDENCE_FILE_BYTES + 1, 0x25) };
    expect(() => inspectEvidence(tooLarge, "files.2")).toThrow(expect.objectContaining({ status: 413 }));
    const html = { name: "page.html", content: Buffer.from("<html></html>") };
    expect(() => inspectEvidence(html, "files.0")).toThrow(/files\.0: page\.html/);
    expect(() => inspectEvidence({ name: "empty.txt", content: Buffer.alloc(0) }, "files.0")).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it("keeps a safe name, the sniffed type, the size and the checksum", () => {
    const stored = inspectEvidence({ name: "C:\\photos\\site visit.png", content: PNG }, "files.0");
    expect(stored.facts).toMatchObject({ name: "site visit.png", mediaType: "image/png", sizeBytes: PNG.length });
    expect(stored.facts.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
