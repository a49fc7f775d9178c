import { existsSync, readFileSync } from "node:fs";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { ExtractionError, extractDocument } from "../index.ts";
import { detectFormat } from "./read-document.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const SAMPLE_DOCX = new URL("../../../../shared/eval/docs/az-kg-6th-session-protocol-sample.ru.docx", import.meta.url);

async function rejection(promise: Promise<unknown>): Promise<ExtractionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExtractionError);
  return error as ExtractionError;
}

// A one-page PDF with a text layer in a standard font: enough for pdf.js to read, made here to keep the repository
// free of binary fixtures.
function minimalPdf(lines: readonly string[]): Uint8Array {
  const content = `BT /F1 12 Tf 72 720 Td ${lines.map((l, i) => `${i === 0 ? "" : "0 -16 Td "}(${l}) Tj`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(pdf);
}

describe("readers", () => {
  it("reads plain text in UTF-8 and in the Cyrillic code page", async () => {
    const text = "В Ташкенте прошло 18-е заседание межправительственной комиссии.";
    expect((await extractDocument({ bytes: utf8(text) })).text).toBe(text);
    const cp1251 = Uint8Array.from([0xc2, 0x20, 0xd2, 0xe0, 0xf8, 0xea, 0xe5, 0xed, 0xf2, 0xe5]);
    expect((await extractDocument({ bytes: cp1251, fileName: "old.txt" })).text).toBe("В Ташкенте");
  });

  it("drops scripts, styles and markup from HTML and keeps list numbers", async () => {
    const html = `<html><head><title>t</title><script>alert("Москва, 1 января 2020")</script><style>p{}</style></head>
      <body><h1>В Баку прошло заседание</h1><p>Стороны &laquo;договорились&raquo;:</p>
      <ol><li>первое</li><li>второе<ol><li>вложенное</li></ol></li></ol><!-- <script>x</script> --></body></html>`;
    const result = await extractDocument({ bytes: utf8(html), fileName: "news.html" });
    expect(result.source.format).toBe("html");
    expect(result.text).not.toMatch(/<|alert|Москва|p\{\}/);
    expect(result.text).toContain("Стороны «договорились»:");
    expect(result.text.split("\n")).toEqual(expect.arrayContaining(["1. первое", "2. второе", "2.1. вложенное"]));
  });

  it("reads a DOCX made with the docx package, numbered list included", async () => {
    const document = new Document({
      numbering: {
        config: [
          {
            reference: "items",
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun("ПРОТОКОЛ седьмого заседания Межправительственной комиссии")] }),
            new Paragraph({
              children: [new TextRun("Провести выставку в Бишкеке.")],
              numbering: { reference: "items", level: 0 },
            }),
            new Paragraph({
              children: [new TextRun("Открыть торговый дом в Баку.")],
              numbering: { reference: "items", level: 0 },
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const result = await extractDocument({ bytes, fileName: "protocol.docx" });
    expect(result.source.format).toBe("docx");
    expect(result.text).toContain("1. Провести выставку в Бишкеке.");
    expect(result.text).toContain("2. Открыть торговый дом в Баку.");
  });

  it.runIf(existsSync(SAMPLE_DOCX))("reads the sample protocol DOCX as a protocol", async () => {
    const result = await extractDocument({ bytes: readFileSync(SAMPLE_DOCX), fileName: "protocol.docx" });
    expect(result.draft.session?.number).toBe(6);
    expect(result.draft.commitments.find((c) => c.item === "1.1")?.deadline).toBe("2026-Q3");
  });

  it("reads the text layer of a PDF", async () => {
    const bytes = minimalPdf([
      "The 3rd session of the Intergovernmental Commission",
      "was held in Tashkent on 5 February 2025.",
    ]);
    const result = await extractDocument({ bytes, fileName: "release.pdf" });
    expect(result.source.format).toBe("pdf");
    expect(result.text).toContain("Intergovernmental Commission");
    expect(result.draft.session?.city).toBe("Tashkent");
  });

  it("tells formats by their bytes before their names", () => {
    expect(detectFormat({ bytes: utf8("%PDF-1.7 …"), fileName: "x.txt" })).toBe("pdf");
    expect(detectFormat({ bytes: utf8("<!DOCTYPE html><p>x</p>") })).toBe("html");
    expect(detectFormat({ bytes: utf8("plain"), mediaType: "text/html" })).toBe("html");
    expect(detectFormat({ bytes: utf8("plain") })).toBe("txt");
  });
});

describe("bad input", () => {
  it("refuses an empty document and one of blanks", async () => {
    expect((await rejection(extractDocument({ bytes: new Uint8Array() }))).code).toBe("empty_input");
    expect((await rejection(extractDocument({ bytes: utf8(" \n\t \u200B ") }))).code).toBe("empty_input");
    expect(
      (await rejection(extractDocument({ bytes: utf8("<html><script>x()</script></html>"), fileName: "a.html" }))).code,
    ).toBe("empty_input");
  });

  it("refuses binary bytes and files over 10 MB", async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256);
    expect((await rejection(extractDocument({ bytes: binary }))).code).toBe("binary_input");
    const huge = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
    expect((await rejection(extractDocument({ bytes: huge }))).code).toBe("too_large");
  });

  it("refuses broken DOCX and PDF files and old Word files", async () => {
    const brokenZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8("not really a zip")]);
    expect((await rejection(extractDocument({ bytes: brokenZip, fileName: "a.docx" }))).code).toBe("unreadable_docx");
    expect((await rejection(extractDocument({ bytes: utf8("%PDF-1.4\ngarbage"), fileName: "a.pdf" }))).code).toBe(
      "unreadable_pdf",
    );
    expect((await rejection(extractDocument({ bytes: utf8("{\\rtf1 x}"), fileName: "a.rtf" }))).code).toBe(
      "unsupported_format",
    );
  });

  it("reports Azerbaijani Latin as not yet read, with an empty draft", async () => {
    const text = "Bakıda Azərbaycan və Qırğızıstan arasında hökumətlərarası komissiyanın altıncı iclası keçirilib.";
    const { draft } = await extractDocument({ bytes: utf8(text) });
    expect(draft.language).toBe("az");
    expect(draft.warnings.map((w) => w.code)).toContain("language_not_supported");
    expect(draft.commitments).toEqual([]);
    expect(draft.session).toBeNull();
  });

  it("warns about mixed languages and still reads the larger part", async () => {
    const text =
      "В Баку прошло 6-е заседание комиссии. The sides discussed trade, energy and transport cooperation in detail.";
    const { draft } = await extractDocument({ bytes: utf8(text) });
    expect(draft.warnings.map((w) => w.code)).toContain("mixed_languages");
    expect(draft.session?.number).toBe(6);
  });
});
