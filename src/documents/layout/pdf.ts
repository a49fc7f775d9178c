import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Content, CustomTableLayout, TableCell } from "pdfmake";
import pdfmake from "pdfmake";
import type {
  BarsBlock,
  Block,
  DocumentLayout,
  ParallelBlock,
  SignaturesBlock,
  TableBlock,
  TextBlock,
} from "./blocks.ts";
import { A4_MM, PAGE_MARGINS_MM, PARAGRAPH_INDENT_MM } from "./page.ts";

/**
 * DejaVu Serif from the `dejavu-fonts-ttf` npm package: a serif face as official papers use, with real bold and
 * italic, that covers Cyrillic and every Azerbaijani Latin letter (ə ğ ı İ ö ş ü ç). Shipped through npm, it is
 * there wherever `npm install` ran, with no system font needed. (pdfmake's own Roboto covers them too but has no
 * serif and no true bold.)
 */
const FONT_NAME = "DejaVuSerif";
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = {
  normal: join(fontDir, "DejaVuSerif.ttf"),
  bold: join(fontDir, "DejaVuSerif-Bold.ttf"),
  italics: join(fontDir, "DejaVuSerif-Italic.ttf"),
  bolditalics: join(fontDir, "DejaVuSerif-BoldItalic.ttf"),
};
pdfmake.setFonts({ [FONT_NAME]: FONT_FILES });
// The documents hold no images or links to fetch: only the font files may be read.
pdfmake.setLocalAccessPolicy((path) => Object.values(FONT_FILES).includes(path));
pdfmake.setUrlAccessPolicy(() => false);

/** DejaVu runs wider than Times, so the same page takes it a point or two smaller than the DOCX. */
const SIZES = { title: 13, subtitle: 11, heading: 11, body: 10.5, note: 9, table: 8 } as const;
const BAR_COLOUR = "#4a6fa5";
const RULE_COLOUR = "#808080";
const HEADER_SHADE = "#e8e8e8";
const mm = (value: number) => (value * 72) / 25.4;

type Context = { widthPt: number; narrow: boolean };
type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

const GRID: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE_COLOUR,
  vLineColor: () => RULE_COLOUR,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};
const NO_LINES: CustomTableLayout = { hLineWidth: () => 0, vLineWidth: () => 0 };
const MIDDLE_RULE: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (i) => (i === 1 ? 0.5 : 0),
  vLineColor: () => RULE_COLOUR,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: (i) => (i === 0 ? 8 : 0),
};

function titleContent(lines: string[]): Content {
  return {
    stack: lines.map((line, i) => ({
      text: line,
      bold: true,
      fontSize: i === 0 ? SIZES.title : SIZES.subtitle,
      margin: [0, 0, 0, i === lines.length - 1 ? 14 : 3],
    })),
    alignment: "center",
  };
}

function placeDateContent(place: string, date: string, context: Context): Content {
  if (context.narrow) return { text: `${place}, ${date}`, margin: [0, 0, 0, 12] };
  return { columns: [{ text: place }, { text: date, alignment: "right" }], margin: [0, 0, 0, 12] };
}

/**
 * pdfmake breaks lines after a hyphen and then stretches that break when justifying ("6- е", "торгово- логистического"):
 * a non-breaking hyphen between letters keeps such words whole.
 */
function keepHyphenated(text: string): string {
  return text.replace(/(?<=[\p{L}\p{N}])-(?=\p{L})/gu, "\u2011");
}

/** Justified text in a narrow column opens wide gaps: columns are set flush left. */
const alignmentIn = (context: Context) => (context.narrow ? "left" : "justify");

function itemContent(number: string, text: string, notes: string[], context: Context): Content {
  return {
    unbreakable: true,
    stack: [
      { text: [{ text: `${number} `, bold: true }, keepHyphenated(text)], alignment: alignmentIn(context) },
      ...notes.map((note): Content => ({ text: note, italics: true, fontSize: SIZES.note, margin: [mm(6), 1, 0, 0] })),
    ],
    margin: [0, 2, 0, 5],
  };
}

function textBlockContent(block: TextBlock, context: Context): Content {
  switch (block.kind) {
    case "title":
      return titleContent(block.lines);
    case "placeDate":
      return placeDateContent(block.place, block.date, context);
    case "heading":
      return { text: block.text, bold: true, fontSize: SIZES.heading, margin: [0, 8, 0, 4], headlineLevel: 1 };
    case "paragraph":
      return {
        text: keepHyphenated(block.text),
        alignment: alignmentIn(context),
        leadingIndent: mm(PARAGRAPH_INDENT_MM),
        margin: [0, 0, 0, 6],
      };
    case "item":
      return itemContent(block.number, block.text, block.notes, context);
  }
}

/** Cell padding and rule of pdfmake's tables, which come on top of the widths given. */
const CELL_OVERHEAD_PT = 8.5;

/** Absolute widths from relative weights, so that the table and its padding fill `widthPt`. */
function columnWidths(weights: number[], widthPt: number): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const content = widthPt - weights.length * CELL_OVERHEAD_PT;
  return weights.map((w) => (w / total) * content);
}

function tableContent(block: TableBlock, context: Context): Content {
  const cell = (text: string, i: number, bold: boolean, fillColor?: string): TableCell => ({
    text,
    bold,
    alignment: block.columns[i]?.align ?? "left",
    ...(fillColor ? { fillColor } : {}),
  });
  const header = block.columns.map((column, i) => cell(column.header, i, true, HEADER_SHADE));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: columnWidths(
        block.columns.map((c) => c.width),
        context.widthPt,
      ),
      body: [header, ...block.rows.map((row) => row.cells.map((text, i) => cell(text, i, row.bold ?? false)))],
    },
    layout: GRID,
    fontSize: SIZES.table,
    margin: [0, 0, 0, 10],
  };
}

function barsContent(block: BarsBlock, context: Context): Content {
  const widths = columnWidths([30, 50, 20], context.widthPt);
  const barWidth = widths[1] ?? 0;
  const height = 8;
  return {
    table: {
      widths,
      body: block.bars.map((bar) => [
        { text: bar.label },
        {
          canvas: [
            {
              type: "rect",
              x: 0,
              y: 1,
              w: (barWidth * Math.max(0, Math.min(100, bar.percent))) / 100,
              h: height,
              color: BAR_COLOUR,
            },
            { type: "rect", x: 0, y: 1, w: barWidth, h: height, lineWidth: 0.5, lineColor: RULE_COLOUR },
          ],
        },
        { text: bar.caption },
      ]),
    },
    layout: NO_LINES,
    fontSize: SIZES.table,
    margin: [0, 0, 0, 10],
  };
}

function signaturesContent(block: SignaturesBlock): Content {
  return {
    unbreakable: true,
    margin: [0, 24, 0, 0],
    columns: block.parties.map((party) => ({
      stack: [
        { text: party.heading, bold: true },
        ...party.lines,
        { text: "______________________", margin: [0, 30, 0, 0] },
        { text: party.name, bold: true },
      ],
    })),
    columnGap: 24,
  };
}

function parallelContent(block: ParallelBlock, context: Context): Content {
  const column: Context = { widthPt: context.widthPt / 2 - 8, narrow: true };
  return {
    table: {
      widths: ["*", "*"],
      body: block.rows.map(([left, right]) => [textBlockContent(left, column), textBlockContent(right, column)]),
    },
    layout: MIDDLE_RULE,
  };
}

function blockContent(block: Block, context: Context): Content {
  switch (block.kind) {
    case "table":
      return tableContent(block, context);
    case "bars":
      return barsContent(block, context);
    case "signatures":
      return signaturesContent(block);
    case "parallel":
      return parallelContent(block, context);
    default:
      return textBlockContent(block, context);
  }
}

export function pdfDefinition(layout: DocumentLayout): TDocumentDefinitions {
  const pageWidthMm = layout.orientation === "landscape" ? A4_MM.height : A4_MM.width;
  const context: Context = { widthPt: mm(pageWidthMm - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right), narrow: false };
  return {
    pageSize: "A4",
    pageOrientation: layout.orientation,
    pageMargins: [
      mm(PAGE_MARGINS_MM.left),
      mm(PAGE_MARGINS_MM.top),
      mm(PAGE_MARGINS_MM.right),
      mm(PAGE_MARGINS_MM.bottom),
    ],
    info: { title: layout.title, creator: "IGC Desk", producer: "IGC Desk" },
    language: layout.language,
    defaultStyle: { font: FONT_NAME, fontSize: SIZES.body, lineHeight: 1.15 },
    content: layout.blocks.map((block) => blockContent(block, context)),
    footer: (page) =>
      page === 1 ? null : { text: String(page), alignment: "center", fontSize: SIZES.note, margin: [0, mm(8), 0, 0] },
    // A heading is never left alone at the foot of a page.
    pageBreakBefore: (node, queries) => node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
  };
}

export async function renderPdf(layout: DocumentLayout): Promise<Buffer> {
  return pdfmake.createPdf(pdfDefinition(layout)).getBuffer();
}
