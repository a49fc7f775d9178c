import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  type IBorderOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from "docx";
import type {
  BarsBlock,
  Block,
  DocumentLayout,
  ParallelBlock,
  SignaturesBlock,
  TableBlock,
  TextBlock,
} from "./blocks.ts";
import { A4_MM, FONT_SIZES_PT, PAGE_MARGINS_MM, PARAGRAPH_INDENT_MM } from "./page.ts";

/** Word documents of ministries are set in Times New Roman; Word and LibreOffice both have it or a metric twin. */
const FONT = "Times New Roman";
const BAR_COLOUR = "4A6FA5";
const HEADER_SHADE = "E8E8E8";
const halfPoints = (pt: number) => pt * 2;
const twip = convertMillimetersToTwip;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

function textWidthMm(layout: DocumentLayout): number {
  const pageWidth = layout.orientation === "landscape" ? A4_MM.height : A4_MM.width;
  return pageWidth - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right;
}

type Context = { widthMm: number; narrow: boolean };

function titleParagraphs(lines: string[]): Paragraph[] {
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { after: i === lines.length - 1 ? 240 : 60 },
        children: [
          new TextRun({
            text: line,
            bold: true,
            size: halfPoints(i === 0 ? FONT_SIZES_PT.title : FONT_SIZES_PT.subtitle),
          }),
        ],
      }),
  );
}

function placeDateParagraphs(place: string, date: string, context: Context): Paragraph[] {
  if (context.narrow) {
    return [new Paragraph({ spacing: { after: 240 }, children: [new TextRun(`${place}, ${date}`)] })];
  }
  return [
    new Paragraph({
      spacing: { after: 240 },
      tabStops: [{ type: TabStopType.RIGHT, position: twip(context.widthMm) }],
      children: [new TextRun(place), new TextRun(`\t${date}`)],
    }),
  ];
}

/** Justified text in a narrow column opens wide gaps: columns are set flush left. */
const alignmentIn = (context: Context) => (context.narrow ? AlignmentType.LEFT : AlignmentType.JUSTIFIED);

function itemParagraphs(number: string, text: string, notes: string[], context: Context): Paragraph[] {
  return [
    new Paragraph({
      alignment: alignmentIn(context),
      spacing: { before: 60, after: notes.length > 0 ? 20 : 100 },
      keepNext: notes.length > 0,
      children: [new TextRun({ text: `${number} `, bold: true }), new TextRun(text)],
    }),
    ...notes.map(
      (note, i) =>
        new Paragraph({
          indent: { left: twip(PARAGRAPH_INDENT_MM) },
          spacing: { after: i === notes.length - 1 ? 100 : 0 },
          keepNext: i < notes.length - 1,
          children: [new TextRun({ text: note, italics: true, size: halfPoints(FONT_SIZES_PT.note) })],
        }),
    ),
  ];
}

function textBlockParagraphs(block: TextBlock, context: Context): Paragraph[] {
  switch (block.kind) {
    case "title":
      return titleParagraphs(block.lines);
    case "placeDate":
      return placeDateParagraphs(block.place, block.date, context);
    case "heading":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 200, after: 100 },
          children: [new TextRun({ text: block.text, bold: true, size: halfPoints(FONT_SIZES_PT.heading) })],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment: alignmentIn(context),
          indent: { firstLine: twip(PARAGRAPH_INDENT_MM) },
          spacing: { after: 120 },
          children: [new TextRun(block.text)],
        }),
      ];
    case "item":
      return itemParagraphs(block.number, block.text, block.notes, context);
  }
}

function cellOf(children: (Paragraph | Table)[], options: { shade?: string; widthMm?: number } = {}): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph("")],
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: options.shade } } : {}),
    ...(options.widthMm === undefined ? {} : { width: { size: twip(options.widthMm), type: WidthType.DXA } }),
  });
}

function columnWidthsMm(weights: number[], widthMm: number): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => (w / total) * widthMm);
}

function tableOf(block: TableBlock, context: Context): Table {
  const widths = columnWidthsMm(
    block.columns.map((c) => c.width),
    context.widthMm,
  );
  const run = (text: string, bold: boolean) => new TextRun({ text, bold, size: halfPoints(FONT_SIZES_PT.table) });
  const alignOf = (i: number) =>
    ({ left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT })[
      block.columns[i]?.align ?? "left"
    ];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, i) =>
      cellOf([new Paragraph({ alignment: alignOf(i), children: [run(column.header, true)] })], {
        shade: HEADER_SHADE,
        widthMm: widths[i] ?? 0,
      }),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.cells.map((cell, i) =>
          cellOf(
            cell
              .split("\n")
              .map((line) => new Paragraph({ alignment: alignOf(i), children: [run(line, row.bold ?? false)] })),
            { widthMm: widths[i] ?? 0 },
          ),
        ),
      }),
  );
  return new Table({
    width: { size: twip(context.widthMm), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    borders: GRID,
    rows: [header, ...rows],
  });
}

/** A bar is a one-row table whose first cell is shaded as far as the percentage reaches. */
function barOf(percent: number, widthMm: number): Table {
  const filled = Math.max(0, Math.min(100, percent));
  const parts = [
    { weight: filled, shade: BAR_COLOUR },
    { weight: 100 - filled, shade: undefined },
  ].filter((p) => p.weight > 0);
  const widths = columnWidthsMm(
    parts.map((p) => p.weight),
    widthMm,
  );
  return new Table({
    width: { size: twip(widthMm), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    borders: { ...GRID, insideVertical: NONE },
    rows: [
      new TableRow({
        children: parts.map((p, i) =>
          cellOf([new Paragraph({ children: [new TextRun({ text: "", size: 8 })] })], {
            widthMm: widths[i] ?? 0,
            ...(p.shade ? { shade: p.shade } : {}),
          }),
        ),
      }),
    ],
  });
}

function barsOf(block: BarsBlock, context: Context): Table {
  const [labelMm, barMm, captionMm] = columnWidthsMm([3, 5, 2], context.widthMm) as [number, number, number];
  const text = (value: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ alignment, children: [new TextRun({ text: value, size: halfPoints(FONT_SIZES_PT.table) })] });
  return new Table({
    width: { size: twip(context.widthMm), type: WidthType.DXA },
    columnWidths: [labelMm, barMm, captionMm].map(twip),
    borders: NO_BORDERS,
    rows: block.bars.map(
      (bar) =>
        new TableRow({
          cantSplit: true,
          children: [
            cellOf([text(bar.label, AlignmentType.LEFT)], { widthMm: labelMm }),
            cellOf([barOf(bar.percent, barMm - 4), new Paragraph("")], { widthMm: barMm }),
            cellOf([text(bar.caption, AlignmentType.LEFT)], { widthMm: captionMm }),
          ],
        }),
    ),
  });
}

function signaturesOf(block: SignaturesBlock, context: Context): Table {
  const widths = columnWidthsMm(
    block.parties.map(() => 1),
    context.widthMm,
  );
  return new Table({
    width: { size: twip(context.widthMm), type: WidthType.DXA },
    columnWidths: widths.map(twip),
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: block.parties.map((party, i) =>
          cellOf(
            [
              new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: party.heading, bold: true })] }),
              ...party.lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
              new Paragraph({ spacing: { before: 600 }, children: [new TextRun("______________________")] }),
              new Paragraph({ children: [new TextRun({ text: party.name, bold: true })] }),
            ],
            { widthMm: widths[i] ?? 0 },
          ),
        ),
      }),
    ],
  });
}

function parallelOf(block: ParallelBlock, context: Context): Table {
  const columnMm = context.widthMm / 2;
  const cell = { widthMm: columnMm, narrow: true };
  return new Table({
    width: { size: twip(context.widthMm), type: WidthType.DXA },
    columnWidths: [columnMm, columnMm].map(twip),
    borders: { ...NO_BORDERS, insideVertical: THIN },
    rows: block.rows.map(
      ([left, right]) =>
        new TableRow({
          children: [
            cellOf(textBlockParagraphs(left, cell), { widthMm: columnMm }),
            cellOf(textBlockParagraphs(right, cell), { widthMm: columnMm }),
          ],
        }),
    ),
  });
}

function blockElements(block: Block, context: Context): (Paragraph | Table)[] {
  switch (block.kind) {
    case "table":
      return [tableOf(block, context), new Paragraph("")];
    case "bars":
      return [barsOf(block, context), new Paragraph("")];
    case "signatures":
      return [signaturesOf(block, context)];
    case "parallel":
      return [parallelOf(block, context)];
    default:
      return textBlockParagraphs(block, context);
  }
}

const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(FONT_SIZES_PT.note) })],
      }),
    ],
  });

export async function renderDocx(layout: DocumentLayout): Promise<Buffer> {
  const context: Context = { widthMm: textWidthMm(layout), narrow: false };
  const document = new Document({
    title: layout.title,
    creator: "IGC Desk",
    styles: {
      default: {
        document: { run: { font: FONT, size: halfPoints(FONT_SIZES_PT.body), language: { value: layout.language } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twip(A4_MM.width),
              height: twip(A4_MM.height),
              orientation: layout.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twip(PAGE_MARGINS_MM.top),
              bottom: twip(PAGE_MARGINS_MM.bottom),
              left: twip(PAGE_MARGINS_MM.left),
              right: twip(PAGE_MARGINS_MM.right),
            },
          },
        },
        footers: { default: pageNumberFooter(), first: new Footer({ children: [] }) },
        children: layout.blocks.flatMap((block) => blockElements(block, context)),
      },
    ],
  });
  return Packer.toBuffer(document);
}
