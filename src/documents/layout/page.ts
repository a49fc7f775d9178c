/**
 * One page set-up for both formats, after the usual rules for official papers: A4, a wider left margin for
 * binding, page numbers from the second page on.
 */
export const PAGE_MARGINS_MM = { left: 25, right: 15, top: 20, bottom: 20 } as const;
export const A4_MM = { width: 210, height: 297 } as const;
/** First-line indent of a paragraph. */
export const PARAGRAPH_INDENT_MM = 12.5;

export const FONT_SIZES_PT = { title: 14, subtitle: 12, heading: 12, body: 12, note: 10, table: 9 } as const;
