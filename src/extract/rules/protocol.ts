import { findCountryMentions } from "../lexicon/countries.ts";
import type { Line, Sentence, TextPiece } from "../text/segment.ts";
import type { Span } from "../types.ts";
import { findDates, resolveDay } from "./dates.ts";
import { readDeadline } from "./deadlines.ts";
import type { DocumentContext } from "./document-context.ts";
import { findPersonNames, type PersonMention } from "./person-names.ts";
import { contextFrom, type SectorContext } from "./sectors.ts";

export interface NamedSpan {
  name: string;
  span: Span;
}

export interface ProtocolItem {
  number: string;
  /** One piece per agreed action: the item's words, or each of its dash-listed actions. */
  actions: TextPiece[];
  responsible: NamedSpan[];
  deadline: string | null;
  deadlineSpan: Span | null;
  /** Sectors its section heading names ("1. В области торговли, инвестиций и промышленности"). */
  context: SectorContext[];
}

export interface SignatureBlock {
  country: string | null;
  person: PersonMention | null;
  span: Span;
}

export interface ProtocolStructure {
  items: ProtocolItem[];
  /** Lines that name who is responsible and by when: no other rule should read them as prose. */
  labelLines: ReadonlySet<number>;
  signatures: SignatureBlock[];
  title: NamedSpan | null;
  /** "г. Баку, 8 декабря 2025 года" under the title. */
  placeLine: Sentence | null;
  /** The day of signing from "Совершено в городе … 8 декабря 2025 года". */
  signedOn: string | null;
  /** From "Совершено …" or the first signature to the end: formalities, not the subject of the session. */
  closing: Span | null;
}

// "1.", "1.1.", "2.3" or "1)" at the start of a line; "8 декабря" is not an item.
const ITEM = /^(?:(\d{1,2}(?:\.\d{1,2})*)\.|(\d{1,2}(?:\.\d{1,2})+)|(\d{1,2})\))\s+(?=\S)/u;
const RESPONSIBLE =
  /^(?:Ответственн\p{L}*(?:\s+за\s+исполнение)?|Исполнител\p{L}*|Responsible(?:\s+(?:bodies|agencies|parties|organi[sz]ations))?|Implementing\s+(?:agencies|bodies))\s*[:—–-]\s*/iu;
const DEADLINE =
  /^(?:Срок\p{L}*(?:\s+(?:исполнения|выполнения|реализации))?|Deadline|Due\s+date|Timeline|Timeframe|Term)\s*[:—–-]\s*/iu;
const BULLET = /^(?:[–—•·▪*-]|[а-яa-z]\))\s+/u;
const DECISIONS =
  /договорились\s+о\s+(?:нижеследующем|следующем)|(?:agreed|decided)\s+(?:on\s+|upon\s+)?(?:as\s+follows|the\s+following)|(?:решили|постановили)\s*:/iu;
const AGENDA = /повестк\p{L}*\s+дня|agenda/iu;
const HEADING_WORDS =
  /^(?:в\s+(?:области|сфере|сферах|рамках)|по\s+вопрос|о\s+сотрудничестве|in\s+the\s+(?:field|area|sphere)s?|on\s+|заключительн|final\s+provisions)/iu;
// "II. Промышленная кооперация": a section under a Roman numeral.
const ROMAN_HEADING = /^(?:[IVXL]{1,6})\.\s+(?=\S)/u;
const SIGNATURE_START = /^(?:За\s+\p{Lu}|For\s+the\s+|On\s+behalf\s+of\s+)/u;
const DONE_AT = /^(?:Совершено|Подписано|Done\s+(?:at|in))\s/iu;
const TITLE_LINE = /^(?:ПРОТОКОЛ|Протокол|PROTOCOL|Protocol)(?:\s|$)/u;
// "от азербайджанской стороны –" before the names of one side's bodies.
const SIDE_PREFIX = /^(?:от\s+[\p{L}-]+\s+стороны|(?:the\s+)?[\p{L}-]+\s+side)\s*[:—–-]\s*/iu;

/** The numbered decisions of a protocol, or null when the document is not a protocol. */
export function readProtocol(context: DocumentContext): ProtocolStructure | null {
  const lines = context.lines;
  const itemLines = lines.filter((l) => ITEM.test(l.text));
  const subItems = itemLines.filter((l) => /^\d{1,2}\.\d/.test(l.text));
  const labels = lines.filter((l) => RESPONSIBLE.test(l.text) || DEADLINE.test(l.text));
  const title = readTitle(lines);
  const isProtocol =
    subItems.length >= 2 || (itemLines.length >= 3 && labels.length >= 2) || (title !== null && itemLines.length >= 2);
  if (!isProtocol) return null;

  const start = decisionsStart(lines);
  const numbers = itemLines.map((l) => itemNumber(l.text));
  const items: ProtocolItem[] = [];
  const labelLines = new Set<number>();
  let sectionContext: SectorContext[] = [];
  let current: {
    item: ProtocolItem;
    text: TextPiece[];
    bullets: TextPiece[];
    labelled: boolean;
    pending: "responsible" | null;
  } | null = null;
  const finish = () => {
    if (!current) return;
    current.item.actions =
      current.bullets.length > 0
        ? current.bullets
        : current.text.length > 0
          ? [joinPieces(context.text, current.text)]
          : [];
    if (current.item.actions.length > 0) items.push(current.item);
    current = null;
  };

  let index = start;
  for (; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    const text = line.text;
    if (text.trim() === "") {
      if (current) current.pending = null;
      continue;
    }
    if (SIGNATURE_START.test(text) || DONE_AT.test(text)) break;
    const roman = ROMAN_HEADING.exec(text);
    if (roman) {
      finish();
      sectionContext = contextFrom(text.slice(roman[0].length));
      continue;
    }
    const item = ITEM.exec(text);
    if (item) {
      finish();
      const number = item[1] ?? item[2] ?? item[3] ?? "";
      const body = piece(line, item[0].length);
      if (isHeading(number, body.text, numbers)) {
        sectionContext = contextFrom(body.text);
        continue;
      }
      current = {
        item: { number, actions: [], responsible: [], deadline: null, deadlineSpan: null, context: sectionContext },
        text: [body],
        bullets: [],
        labelled: false,
        pending: null,
      };
      continue;
    }
    if (!current) continue;
    const responsible = RESPONSIBLE.exec(text);
    const deadline = DEADLINE.exec(text);
    if (responsible) {
      labelLines.add(line.index);
      current.labelled = true;
      const names = responsibleNames(piece(line, responsible[0].length));
      current.item.responsible.push(...names);
      current.pending = names.length === 0 ? "responsible" : null;
    } else if (deadline) {
      labelLines.add(line.index);
      current.labelled = true;
      const value = piece(line, deadline[0].length);
      current.item.deadline = readDeadline(value.text);
      current.item.deadlineSpan = [value.start, value.end];
      current.pending = null;
    } else if (current.pending === "responsible") {
      labelLines.add(line.index);
      current.item.responsible.push(...responsibleNames(piece(line, 0)));
    } else if (BULLET.test(text) && !current.labelled) {
      const bullet = piece(line, BULLET.exec(text)?.[0].length ?? 0);
      current.bullets.push(trimEnd(bullet));
    } else if (!current.labelled) {
      current.text.push(piece(line, 0));
    } else {
      finish();
    }
  }
  finish();
  return {
    items,
    labelLines,
    signatures: readSignatures(lines.slice(index)),
    title,
    placeLine: readPlaceLine(lines),
    signedOn: readSignedOn(lines.slice(index), context.published),
    closing: index < lines.length ? [lines[index]?.start ?? context.text.length, context.text.length] : null,
  };
}

function itemNumber(text: string): string {
  const m = ITEM.exec(text);
  return m?.[1] ?? m?.[2] ?? m?.[3] ?? "";
}

// A top-level number with sub-items under it, or a short title without a full stop, is a section heading.
function isHeading(number: string, text: string, numbers: readonly string[]): boolean {
  if (!number.includes(".") && numbers.some((n) => n.startsWith(`${number}.`))) return true;
  return !/[.;:!?]$/.test(text.trim()) && text.split(/\s+/).length <= 12 && HEADING_WORDS.test(text);
}

function decisionsStart(lines: readonly Line[]): number {
  const marker = lines.findIndex((l) => !ITEM.test(l.text) && DECISIONS.test(l.text));
  if (marker >= 0) return marker + 1;
  // Without "договорились о нижеследующем", skip the agenda: the numbered lines right after "повестка дня".
  const agenda = lines.findIndex((l) => !ITEM.test(l.text) && AGENDA.test(l.text));
  if (agenda < 0) return 0;
  let index = agenda + 1;
  while (index < lines.length && (lines[index]?.text.trim() === "" || ITEM.test(lines[index]?.text ?? ""))) index++;
  return index;
}

function piece(line: Line, skip: number): TextPiece {
  const raw = line.text.slice(skip);
  const leading = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start: line.start + skip + leading, end: line.start + skip + leading + text.length };
}

function trimEnd(p: TextPiece): TextPiece {
  const text = p.text.replace(/[\s;,.]+$/u, "");
  return { text, start: p.start, end: p.start + text.length };
}

function joinPieces(fullText: string, pieces: readonly TextPiece[]): TextPiece {
  const first = pieces[0];
  const last = pieces.at(-1);
  if (!first || !last) return { text: "", start: 0, end: 0 };
  return trimEnd({
    text: fullText.slice(first.start, last.end).replace(/\s*\n\s*/g, " "),
    start: first.start,
    end: last.end,
  });
}

/**
 * The bodies on a "Ответственные:" line. Names contain commas ("Министерство водных ресурсов, сельского хозяйства
 * и …"), so a comma starts a new name only when a capital, a quote or an acronym follows.
 */
function responsibleNames(content: TextPiece): NamedSpan[] {
  const names: NamedSpan[] = [];
  const separators = /[,;]\s+/g;
  let nameStart = 0;
  let depth = 0;
  const text = content.text;
  const flush = (end: number) => {
    const raw = text.slice(nameStart, end);
    const withoutSide = raw.replace(SIDE_PREFIX, "");
    const offset =
      nameStart + (raw.length - withoutSide.length) + (withoutSide.length - withoutSide.trimStart().length);
    const name = withoutSide.trim().replace(/[.;,]+$/u, "");
    if (name.length > 1) names.push({ name, span: [content.start + offset, content.start + offset + name.length] });
  };
  for (const m of text.matchAll(separators)) {
    depth = quoteDepth(text.slice(0, m.index));
    if (depth > 0) continue;
    const next = text.slice(m.index + m[0].length);
    if (/^[\p{Lu}«"“A-Z]/u.test(next) || SIDE_PREFIX.test(next)) {
      flush(m.index);
      nameStart = m.index + m[0].length;
    }
  }
  flush(text.length);
  return names;
}

function quoteDepth(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (ch === "«" || ch === "(") depth++;
    else if ((ch === "»" || ch === ")") && depth > 0) depth--;
  }
  return depth;
}

function readTitle(lines: readonly Line[]): NamedSpan | null {
  const head = lines.filter((l) => l.text.trim() !== "").slice(0, 6);
  const titleIndex = head.findIndex((l) => TITLE_LINE.test(l.text));
  const titleLine = head[titleIndex];
  if (!titleLine) return null;
  const next = head[titleIndex + 1];
  // "ПРОТОКОЛ" alone on its line is followed by "шестого заседания …".
  const last = titleLine.text.trim().split(/\s+/).length === 1 && next ? next : titleLine;
  const words = `${titleLine.text.trim()} ${last === titleLine ? "" : last.text.trim()}`.trim().split(" ");
  const [first = "", ...rest] = words;
  const titleWord = first.charAt(0) + first.slice(1).toLowerCase();
  return { name: [titleWord, ...rest].join(" "), span: [titleLine.start, last.end] };
}

function readPlaceLine(lines: readonly Line[]): Sentence | null {
  const head = lines.filter((l) => l.text.trim() !== "").slice(0, 8);
  const line = head.find(
    (l) =>
      l.text.split(/\s+/).length <= 12 &&
      findDates(l.text).some((d) => d.day !== null && d.year !== null) &&
      /(?:^|\s)(?:г\.|город|\p{Lu}\p{Ll}+,)/u.test(l.text),
  );
  return line ? { text: line.text, start: line.start, end: line.end, lineIndex: line.index } : null;
}

function readSignedOn(lines: readonly Line[], published: string | null): string | null {
  const done = lines.find((l) => DONE_AT.test(l.text));
  if (!done) return null;
  return (
    findDates(done.text)
      .map((d) => resolveDay(d, published))
      .find((d) => d !== null) ?? null
  );
}

function readSignatures(lines: readonly Line[]): SignatureBlock[] {
  const blocks: SignatureBlock[] = [];
  let block: Line[] = [];
  const close = () => {
    const first = block[0];
    const last = block.at(-1);
    if (first && last) {
      const person = block.flatMap((l) => findPersonNames(l.text, l.start)).at(-1) ?? null;
      blocks.push({ country: findCountryMentions(first.text)[0]?.code ?? null, person, span: [first.start, last.end] });
    }
    block = [];
  };
  for (const line of lines) {
    if (SIGNATURE_START.test(line.text)) {
      close();
      block.push(line);
    } else if (line.text.trim() === "") {
      close();
    } else if (block.length > 0) {
      block.push(line);
    }
  }
  close();
  return blocks;
}
