import type { TextPiece } from "../text/segment.ts";
import { isActionNoun, isAdjective, isInfinitive, isNominativeAdjective } from "./word-forms.ts";

type SeparatorKind = "strong" | "comma" | "and";

// ";", "а также", "as well as" and ", and" always end an item; a comma or "и" end one only when an action
// follows ("…, организацию бизнес-миссий и укрепление обмена") and not inside a phrase ("промышленных и свободных
// экономических зон", "рыбоводства, рыболовства и аквакультуры").
const SEPARATOR =
  /;\s+|,?\s+а\s+также\s+|,?\s+as\s+well\s+as\s+|,\s+and\s+|,\s+|\s+и\s+|\s+или\s+|\s+and\s+|\s+or\s+/giu;
const LEADING_CONNECTOR = /^(?:и|а\s+также|также|а|and|also|as\s+well\s+as|or|или)\s+/iu;
const EN_CONTINUATION =
  /^(?:which|whose|who|whom|where|when|while|whereas|noting|adding|stressing|saying|that|thus|thereby|respectively|in\s+particular)(?!\p{L})/iu;
// After "and": an infinitive, a gerund, another reported action, a repeated preposition, or a noun of action
// with its complement ("… a mountain resort and cooperation between X and Y").
const EN_NEW_AFTER_AND =
  /^(?:to\s+\p{L}+|(?!including)\p{L}+ing\s|(?:welcomed|discussed|agreed|praised|highlighted|reaffirmed|reviewed|considered|decided|expressed)(?!\p{L})|(?:in|on|within|with)\s+|(?:the\s+)?\p{Ll}+(?:tion|ment|sion|ance)\s+(?:of|between|in|on|with|for)\s)/u;
// A list of infinitives ("to establish a fund, to open a route, and to expand exports of honey, fruit and meat")
// is split only where the next infinitive starts.
const EN_INFINITIVE = /^to\s+\p{L}/iu;
const RU_PREPOSITIONS = new Set(["о", "об", "обо", "по", "на", "в", "во", "к", "для"]);

/**
 * Splits a list of agreed actions into one piece per action; `splitWeak` false keeps commas and "и" inside;
 * `infinitives` says that the list is one of English infinitives ("agreed to …").
 */
export function splitEnumeration(list: TextPiece, splitWeak = true, infinitives = false): TextPiece[] {
  const pieces: TextPiece[] = [];
  let itemStart = 0;
  let commaSplit = false;
  const depthAt = depthIndex(list.text);
  for (const m of list.text.matchAll(SEPARATOR)) {
    if ((depthAt[m.index] ?? 0) > 0) continue;
    const kind = separatorKind(m[0]);
    const next = list.text.slice(m.index + m[0].length);
    const splits =
      infinitives && !/^\p{Script=Cyrillic}/u.test(next)
        ? EN_INFINITIVE.test(next)
        : kind === "strong" || (splitWeak && startsNewItem(next, kind, commaSplit));
    if (!splits) continue;
    commaSplit = kind === "comma" || (commaSplit && kind !== "strong");
    pieces.push(...clean(list, itemStart, m.index));
    itemStart = m.index + m[0].length;
  }
  pieces.push(...clean(list, itemStart, list.text.length));
  return pieces;
}

function separatorKind(separator: string): SeparatorKind {
  if (/;|а\s+также|as\s+well\s+as|,\s+and/iu.test(separator)) return "strong";
  return separator.trim() === "," ? "comma" : "and";
}

// An English list "A, B and C" ends with "and": after a comma has split the list, "and" splits it too.
function startsNewItem(next: string, kind: Exclude<SeparatorKind, "strong">, afterCommaSplit: boolean): boolean {
  // "и об увеличении …": a preposition before the next action does not hide it.
  const words = (next.match(/[\p{L}-]+/gu) ?? []).filter(
    (word, index) => index > 0 || !RU_PREPOSITIONS.has(word.toLowerCase()),
  );
  const [first = "", second = "", third = ""] = words;
  if (/^\p{Script=Cyrillic}/u.test(first)) {
    // "…, открыть филиал и ежегодно проводить форум": each infinitive is an action of its own.
    if (isActionNoun(first) || isInfinitive(first) || (/о$/u.test(first) && isInfinitive(second))) return true;
    // "…, взаимного признания подписей": adjectives before a noun of action.
    if (isAdjective(first) && (isActionNoun(second) || (isAdjective(second) && isActionNoun(third)))) return true;
    if (kind === "comma") return isNominativeAdjective(first);
    return (
      isNominativeAdjective(first) && (isActionNoun(second) || (isNominativeAdjective(second) && isActionNoun(third)))
    );
  }
  if (EN_CONTINUATION.test(next)) return false;
  if (kind === "comma") return /^\p{L}/u.test(next);
  // "between Tashkent and Jeddah" joins two names inside one item; the last item of a list starts in lower case.
  return (afterCommaSplit && /^\p{Ll}/u.test(next)) || EN_NEW_AFTER_AND.test(next);
}

// Depth of quotes and brackets at each character: separators inside «…» or (…) belong to a name.
function depthIndex(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  let straightOpen = false;
  for (const ch of text) {
    if (ch === "«" || ch === "(" || ch === "“" || ch === "„") depth++;
    else if ((ch === "»" || ch === ")" || ch === "”") && depth > 0) depth--;
    else if (ch === '"') {
      straightOpen = !straightOpen;
      depth += straightOpen ? 1 : -1;
    }
    for (let i = 0; i < ch.length; i++) depths.push(depth);
  }
  return depths;
}

const ATTRIBUTION = /,?\s*[―—–-]\s*(?:говорится|сообщает|отмечается|подчеркивается|said|reports?|according)\p{L}*.*$/iu;

function clean(list: TextPiece, from: number, to: number): TextPiece[] {
  const raw = list.text.slice(from, to);
  let text = raw.replace(ATTRIBUTION, "");
  const leading = text.length - text.trimStart().length;
  text = text.trim();
  const connector = LEADING_CONNECTOR.exec(text);
  const skip = leading + (connector?.[0].length ?? 0);
  text = text.slice(connector?.[0].length ?? 0).replace(/[\s.,;:!?]+$/u, "");
  if ((text.match(/\p{L}/gu) ?? []).length < 3) return [];
  const start = list.start + from + skip;
  return [{ text, start, end: start + text.length }];
}
