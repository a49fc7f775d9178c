import type { SectorCode } from "../../shared/sectors.ts";
import type { Sentence, TextPiece } from "../text/segment.ts";
import { splitEnumeration } from "./enumerations.ts";
import { chooseSector, contextFrom, findSectorHits, type SectorContext } from "./sectors.ts";
import { isInfinitive } from "./word-forms.ts";

type CueKind = "decision" | "discussion" | "appraisal";

// What the sides did with a matter: agreed on it, discussed it, or welcomed it. The words after the cue are the
// matters, one per agreed action. "подчеркнули", "отметили" alone report a view, not an action, and are left out.
const CUES: ReadonlyArray<readonly [CueKind, RegExp]> = [
  [
    "decision",
    /(?:договорил\p{L}*|договор[её]нност\p{L}*|согласова\p{L}*|решил\p{L}*|решено|принял\p{L}*\s+решени\p{L}*|условил\p{L}*|намерены|выразил\p{L}*\s+(?:готовность|заинтересованность|намерение)|it\s+was\s+agreed|agreed|decided|reached\s+(?:an\s+)?agreements?|resolved|expressed\s+(?:their\s+|its\s+)?(?:readiness|interest|intention))/iu,
  ],
  [
    "discussion",
    /(?:обсудил\p{L}*|обсуждал\p{L}*|обсужден[ыао]?(?!\p{L})|рассмотрел\p{L}*|рассмотрен\p{L}*|определ[её]н\p{L}*|определил\p{L}*|уделил\p{L}*\s+(?:\p{L}+\s+)?внимани\p{L}*|уделено\s+(?:\p{L}+\s+)?внимани\p{L}*|внимани\p{L}*\s+(?:был[оа]?\s+)?уделен\p{L}*|речь(?:\s*,[^,]{1,40},)?\s+шла\s+о|говорилось\s+о|затронул\p{L}*|обменял\p{L}*\s+мнениями|discussed|considered|reviewed|examined|explored|looked\s+at|addressed|focused\s+on|exchanged\s+views|touched\s+upon|talked\s+about|paid\s+(?:particular\s+|special\s+)?attention\s+to)/iu,
  ],
  [
    "appraisal",
    /(?:приветствовал\p{L}*|высоко\s+оцен\p{L}*|(?:подчеркнул\p{L}*|отметил\p{L}*|отмечен\p{L}*)\s+(?:важность|необходимость|значимость|перспективность|значение)|welcomed|praised|highlighted|(?:underlined|stressed|emphasi[sz]ed|noted)\s+the\s+(?:importance|need|significance)\s+of|reaffirmed(?:\s+their\s+commitment\s+to)?|were\s+satisfied\s+with|expressed\s+(?:their\s+)?satisfaction\s+with)/iu,
  ],
];
const OBJECT_LEAD = /^[\s,]*(?:направленн\p{L}*\s+на\s+|о\s+|об\s+|обо\s+|по\s+|на\s+|that\s+|to\s+|on\s+|upon\s+)?/iu;
// "такие направления, как", "включая", "in particular", "including": what follows is the list itself.
const LIST_INTRO =
  /так(?:ие|их|им|ими|ой|ую|ая|ое)\s+(?:[\p{L}-]+\s+){0,3}?[\p{L}-]+,?\s+как\s+|,?\s+включая\s+|,?\s+в\s+том\s+числе\s+|,?\s+а\s+именно\s*:?\s+|:\s+|,?\s+such\s+as\s+|,?\s+including\s+|,?\s+namely\s+/iu;
// "сотрудничество в области A, B и C" after "обсуждалось" names fields of talks, not separate actions.
const FIELDS_OF_COOPERATION =
  /^(?:сотрудничеств\p{L}*|взаимодействи\p{L}*|cooperation)\s+(?:в\s+(?:област|сфер)\p{L}*|in\s+(?:the\s+)?(?:fields?|areas?|spheres?)\s+of)/iu;

export interface CommitmentReading {
  piece: TextPiece;
  sector: SectorCode;
  confidence: number;
}

/** The agreed actions a press-release sentence reports, each with its sector. */
export function readSentenceCommitments(
  sentence: Sentence,
  headingContext: readonly SectorContext[],
): CommitmentReading[] {
  const cue = firstCue(sentence.text);
  if (!cue) return [];
  const afterCue = cue.index + cue.length;
  const lead = OBJECT_LEAD.exec(sentence.text.slice(afterCue))?.[0].length ?? 0;
  const object = {
    text: sentence.text.slice(afterCue + lead),
    start: sentence.start + afterCue + lead,
    end: sentence.end,
  };
  const intro = listIntro(object.text);
  const preamble = intro
    ? { text: object.text.slice(0, intro.index), start: object.start, end: object.start + intro.index }
    : null;
  const list = intro
    ? {
        text: object.text.slice(intro.index + intro[0].length),
        start: object.start + intro.index + intro[0].length,
        end: object.end,
      }
    : object;
  const context = [
    ...contextFrom(sentence.text.slice(0, cue.index) + (preamble ? ` ${preamble.text}` : "")),
    ...headingContext,
  ];
  const splitWeak = !(cue.kind === "discussion" && FIELDS_OF_COOPERATION.test(list.text));
  const infinitives =
    /to\s+$/iu.test(sentence.text.slice(afterCue, afterCue + lead)) && /,?\s+(?:and\s+)?to\s+\p{L}/iu.test(list.text);
  const pieces = [
    // The words before "включая" are an action of their own only when they name a field ("the importance of
    // cultural exchanges, including …"), not when they only announce the list ("широкий спектр мероприятий").
    ...(preamble && findSectorHits(preamble.text).some((h) => h.weight >= 2) ? splitEnumeration(preamble) : []),
    ...splitEnumeration(withoutRemarks(list), splitWeak, infinitives),
  ];
  const sectors = pieces.map((piece) => chooseSector(findSectorHits(piece.text), context));
  const siblingSector = majority(sectors);
  return pieces.map((piece, index) => ({
    piece,
    sector: sectors[index] ?? siblingSector ?? "other",
    confidence: cue.kind === "decision" ? 0.8 : cue.kind === "discussion" ? 0.7 : 0.6,
  }));
}

// "включая", "in particular" after an action ("увеличить квоты на экспорт, в том числе меда") only details that
// action; after a general word ("широкий спектр мероприятий, включая …") they open the list.
const DETAILING_INTRO = /^,?\s+(?:включая|в\s+том\s+числе|including|in\s+particular)\s+$/iu;

function listIntro(text: string): RegExpExecArray | null {
  const intro = LIST_INTRO.exec(text);
  if (!intro || !DETAILING_INTRO.test(intro[0])) return intro;
  const firstWord = /^[\p{L}-]+/u.exec(text)?.[0] ?? "";
  return isInfinitive(firstWord) || /^to\s/iu.test(text) ? null : intro;
}

// "… and noted that trade doubled", ", отметив, что …": a remark on the state of things, not an agreed action.
const REMARK =
  /(?:,?\s+and|,)\s+(?:noted|stressed|emphasi[sz]ed|said|pointed\s+out|underlined|observed)\s+that\s|,?\s+(?:и\s+)?(?:отметив|отметили|подчеркнув|подчеркнули|констатировав)\p{L}*,?\s+что\s/iu;

function withoutRemarks(list: TextPiece): TextPiece {
  const remark = REMARK.exec(list.text);
  if (!remark) return list;
  return { text: list.text.slice(0, remark.index), start: list.start, end: list.start + remark.index };
}

function firstCue(text: string): { index: number; length: number; kind: CueKind } | null {
  let best: { index: number; length: number; kind: CueKind } | null = null;
  for (const [kind, regex] of CUES) {
    const m = regex.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, length: m[0].length, kind };
  }
  return best;
}

function majority(sectors: ReadonlyArray<SectorCode | null>): SectorCode | null {
  const counts = new Map<SectorCode, number>();
  for (const sector of sectors) if (sector) counts.set(sector, (counts.get(sector) ?? 0) + 1);
  let best: SectorCode | null = null;
  for (const [sector, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = sector;
  return best;
}

// "Стороны договорились:" followed by a dashed list: each line of the list is read as the list after the cue.
const OPENS_LIST = /:\s*$/u;
const LIST_MARKER = /^(?:[–—•·▪*-]|\d{1,2}[.)]|[а-яa-z]\))\s+/u;

/** True when the sentence announces a list on the lines below it ("Стороны договорились:"). */
export function opensList(sentence: Sentence): boolean {
  return OPENS_LIST.test(sentence.text) && firstCue(sentence.text) !== null;
}

export function isListItem(sentence: Sentence): boolean {
  return LIST_MARKER.test(sentence.text);
}

/** The actions on one line of a list announced by a cue sentence, with that sentence's sectors as context. */
export function readListItemCommitments(
  item: Sentence,
  announcing: Sentence,
  headingContext: readonly SectorContext[],
): CommitmentReading[] {
  const marker = LIST_MARKER.exec(item.text)?.[0].length ?? 0;
  const list = { text: item.text.slice(marker), start: item.start + marker, end: item.end };
  const context = [...contextFrom(announcing.text), ...headingContext];
  const pieces = splitEnumeration(list);
  const sectors = pieces.map((piece) => chooseSector(findSectorHits(piece.text), context));
  const siblingSector = majority(sectors);
  return pieces.map((piece, index) => ({
    piece,
    sector: sectors[index] ?? siblingSector ?? "other",
    confidence: 0.75,
  }));
}

/** The sector of one protocol action: its own words, then its section heading. */
export function sectorOfAction(piece: TextPiece, context: readonly SectorContext[]): SectorCode {
  return chooseSector(findSectorHits(piece.text), context) ?? "other";
}
