// Elements whose content is never text of the document: it is dropped, never interpreted.
const DROPPED_ELEMENTS =
  /<(script|style|noscript|template|head|svg|iframe|object|embed|canvas|math)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>/g;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;
const BLOCK_ELEMENTS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "pre",
  "dd",
  "dt",
  "dl",
  "figure",
  "figcaption",
  "main",
  "aside",
  "nav",
  "hr",
  "address",
  "caption",
  "tbody",
  "thead",
]);
const CELL_ELEMENTS = new Set(["td", "th"]);
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  laquo: "«",
  raquo: "»",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  lsquo: "‘",
  rsquo: "’",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  minus: "−",
  shy: "",
  copy: "©",
  reg: "®",
  deg: "°",
  middot: "·",
  bull: "•",
  numero: "№",
  euro: "€",
  times: "×",
  thinsp: " ",
  ensp: " ",
  emsp: " ",
};

/**
 * The text of an HTML page: scripts, styles and comments dropped, block elements on their own lines, items of
 * ordered lists numbered as the page shows them ("1.", "1.1."), entities decoded. No markup survives.
 */
export function htmlToText(html: string): string {
  const cleaned = html.replace(DROPPED_ELEMENTS, " ").replace(COMMENTS, " ");
  const out: string[] = [];
  const lists: Array<{ ordered: boolean; count: number }> = [];
  let last = 0;
  for (const m of cleaned.matchAll(TAG)) {
    out.push(decodeEntities(cleaned.slice(last, m.index).replace(/\s+/g, " ")));
    last = m.index + m[0].length;
    const closing = m[1] === "/";
    const name = (m[2] ?? "").toLowerCase();
    if (name === "ol" || name === "ul") {
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", count: 0 });
    }
    if (BLOCK_ELEMENTS.has(name)) out.push("\n");
    else if (CELL_ELEMENTS.has(name)) out.push(" ");
    if (name === "li" && !closing) out.push(listMarker(lists));
  }
  out.push(decodeEntities(cleaned.slice(last).replace(/\s+/g, " ")));
  // A stray "<" left by broken markup is text, but a tag-like fragment is not.
  return out.join("").replace(/<\/?[a-zA-Z][^>\n]*$/gm, "");
}

function listMarker(lists: Array<{ ordered: boolean; count: number }>): string {
  const current = lists.at(-1);
  if (!current) return "– ";
  current.count++;
  if (!current.ordered) return "– ";
  const numbers = lists.filter((l) => l.ordered).map((l) => l.count);
  return `${numbers.join(".")}. `;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return codePoint(Number.parseInt(body.slice(2), 16)) ?? entity;
    if (body.startsWith("#")) return codePoint(Number.parseInt(body.slice(1), 10)) ?? entity;
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function codePoint(value: number): string | null {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff)
    ? String.fromCodePoint(value)
    : null;
}
