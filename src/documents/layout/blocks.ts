/**
 * What a printable document is made of, independent of the file format: the protocol, the report and the press
 * release are composed as blocks once, and the DOCX and PDF renderers each lay the same blocks out.
 */

/** Blocks of running text; these are also what parallel columns hold. */
export type TextBlock =
  | { kind: "title"; lines: string[] }
  | { kind: "placeDate"; place: string; date: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "item"; number: string; text: string; notes: string[] };

export type TableColumn = { header: string; width: number; align?: "left" | "center" | "right" };
export type TableRowOf = { cells: string[]; bold?: boolean };
/** Column widths are relative weights. */
export type TableBlock = { kind: "table"; columns: TableColumn[]; rows: TableRowOf[] };

/** A horizontal bar per line, 0–100 %, with a label before it and a caption after it. */
export type BarsBlock = { kind: "bars"; bars: { label: string; percent: number; caption: string }[] };

/** Side by side: one party per column, each with a heading, lines under it, a line to sign on and the name. */
export type Signatory = { heading: string; lines: string[]; name: string };
export type SignaturesBlock = { kind: "signatures"; parties: Signatory[] };

/** Two versions of the same text in two columns, each pair of blocks on one level. */
export type ParallelBlock = { kind: "parallel"; rows: [TextBlock, TextBlock][] };

export type Block = TextBlock | TableBlock | BarsBlock | SignaturesBlock | ParallelBlock;

export type DocumentLayout = {
  /** The document's title in the file's metadata. */
  title: string;
  /** BCP 47 language of the file's metadata: the first language of a bilingual document. */
  language: string;
  orientation: "portrait" | "landscape";
  blocks: Block[];
};
