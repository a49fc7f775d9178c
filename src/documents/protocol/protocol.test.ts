import { describe, expect, it } from "vitest";
import type { ParallelBlock, TextBlock } from "../layout/blocks.ts";
import { renderDocx } from "../layout/docx.ts";
import { renderPdf } from "../layout/pdf.ts";
import { docxText, pdfText } from "../testing/file-readers.ts";
import { AZERBAIJANI_LETTERS, SAMPLE_AZ_TEXT, SAMPLE_RU_TEXT, sampleProtocol } from "../testing/sample-protocol.ts";
import { protocolLayout, sectionsOf } from "./protocol-layout.ts";

const textBlocks = (blocks: ReturnType<typeof protocolLayout>["blocks"]): TextBlock[] =>
  blocks.filter(
    (b): b is TextBlock => b.kind !== "table" && b.kind !== "bars" && b.kind !== "signatures" && b.kind !== "parallel",
  );

describe("the protocol's layout", () => {
  it("groups the agreements by sector in the order first named and numbers them section.item", () => {
    const data = sampleProtocol(10);
    expect(sectionsOf(data.agreements).map((s) => [s.sector, s.agreements.length])).toEqual([
      ["trade", 2],
      ["investment", 2],
      ["industry", 1],
      ["energy", 1],
      ["transport", 1],
      ["logistics", 1],
      ["customs", 1],
      ["agriculture", 1],
    ]);
    const blocks = textBlocks(protocolLayout(data, ["en"]).blocks);
    const numbered = blocks.flatMap((b) => (b.kind === "item" ? [b.number] : b.kind === "heading" ? [b.text] : []));
    expect(numbered.slice(0, 6)).toEqual(["1. Trade", "1.1.", "1.2.", "2. Investment", "2.1.", "2.2."]);
    expect(numbered.at(-1)).toBe("9. Next session of the Commission");
  });

  it("has the other side host the next session on dates to be agreed when none is planned", () => {
    const blocks = textBlocks(protocolLayout(sampleProtocol(1), ["en"]).blocks);
    expect(blocks.map((b) => (b.kind === "paragraph" ? b.text : ""))).toContain(
      "The Parties agreed to hold the 7th session of the Commission in Kyrgyzstan on dates to be agreed through diplomatic channels.",
    );
  });

  it("uses the recorded title in its own language only", () => {
    const data = { ...sampleProtocol(1), recordedTitle: { ru: "Протокол шестого заседания Комиссии" } };
    const [ru] = textBlocks(protocolLayout(data, ["ru"]).blocks);
    const [en] = textBlocks(protocolLayout(data, ["en"]).blocks);
    expect(ru).toEqual({ kind: "title", lines: ["ПРОТОКОЛ", "шестого заседания Комиссии"] });
    expect(en?.kind === "title" && en.lines[0]).toBe("PROTOCOL");
  });

  it("sets two languages side by side, block by block, and signs once for both", () => {
    const layout = protocolLayout(sampleProtocol(3), ["ru", "en"]);
    const [parallel, signatures] = layout.blocks as [ParallelBlock, { kind: string; parties: { heading: string }[] }];
    expect(parallel.kind).toBe("parallel");
    expect(parallel.rows.every(([a, b]) => a.kind === b.kind)).toBe(true);
    expect(signatures.parties.map((p) => p.heading)).toEqual([
      "От Азербайджана / For Azerbaijan",
      "От Кыргызстана / For Kyrgyzstan",
    ]);
    const closing = parallel.rows.at(-1)?.map((b) => (b.kind === "paragraph" ? b.text : ""));
    expect(closing?.[0]).toContain("каждый на русском и английском языках, причём оба текста имеют одинаковую силу");
    expect(closing?.[1]).toContain("each in the Russian and English languages, both texts being equally authentic");
  });
});

describe("the protocol's files", () => {
  const layout = protocolLayout(sampleProtocol(4), ["az", "ru"]);

  it("keep Azerbaijani and Cyrillic letters in DOCX", async () => {
    const text = await docxText(await renderDocx(layout));
    expect(text).toContain(SAMPLE_AZ_TEXT);
    expect(text).toContain(SAMPLE_RU_TEXT);
    expect(text).toContain("Samir Şərifov");
  });

  it("keep Azerbaijani and Cyrillic letters in PDF", async () => {
    const text = await pdfText(await renderPdf(layout));
    expect(text).toContain(SAMPLE_AZ_TEXT);
    expect(text).toContain(SAMPLE_RU_TEXT);
    expect(text).toContain("Samir Şərifov");
    const letters = await pdfText(
      await renderPdf({
        title: "",
        language: "az",
        orientation: "portrait",
        blocks: [{ kind: "paragraph", text: AZERBAIJANI_LETTERS }],
      }),
    );
    expect(letters).toContain(AZERBAIJANI_LETTERS);
  });
});
