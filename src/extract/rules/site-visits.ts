import type { Sentence } from "../text/segment.ts";
import type { SiteVisitFact } from "../types.ts";
import { findDates, resolveDay } from "./dates.ts";

// "посетили", "ознакомились с работой", "побывали на", "visited", "toured", "got acquainted with".
const VISIT_VERB =
  /(?:посетил\p{L}*|посетят|посетит|побывал\p{L}*\s+(?:в|на)|побывают\s+(?:в|на)|осмотрел\p{L}*|осмотрят|ознакомил\p{L}*\s+с[о]?|ознакомятся\s+с[о]?|ознакомится\s+с[о]?|visited|will\s+visit|toured|paid\s+a\s+visit\s+to|got\s+acquainted\s+with|familiari[sz]ed\s+(?:themselves\s+)?with)(?!\p{L})/iu;
// Where the object of the visit ends: a purpose ("для ознакомления", "to learn"), a relative clause, the sentence end.
const OBJECT_END =
  /\s(?:для|с\s+целью|чтобы|где|in\s+order|to\s+(?:learn|see|get|familiari)|where)\s|,\s*(?:где|который|которая|которое|которые|where|which)\s|[.;!?](?:\s|$)/iu;
// "работой", "деятельностью", "the work of": the activity visited, not the place.
const ACTIVITY =
  /^(?:с\s+)?(?:работой|деятельностью|производством|ходом\s+\p{L}+|the\s+(?:work|operations|activities)\s+of)\s+/iu;
// Places in an enumeration are split where both sides name something ("… завода и Нефтеперерабатывающего завода",
// "зону «Ордабасы» и фабрику «Туркестан Текстиль»"); "моторных и индустриальных масел" stays whole.
const PLACE_SEPARATOR = /\s+и\s+|,\s+|\s+and\s+/gu;
const NAMES_SOMETHING = /[\p{Lu}«"“]/u;
const SAME_DAY =
  /после\s+заседани|в\s+тот\s+же\s+день|в\s+рамках\s+визита|after\s+the\s+(?:meeting|session)|on\s+the\s+same\s+day/iu;

/** Places the delegations visited, with the day when the sentence gives it. */
export function findSiteVisits(
  sentence: Sentence,
  published: string | null,
  sessionDate: string | null,
): SiteVisitFact[] {
  const verb = VISIT_VERB.exec(sentence.text);
  if (!verb) return [];
  const objectStart = verb.index + verb[0].length;
  const rest = sentence.text.slice(objectStart);
  const object = rest.slice(0, OBJECT_END.exec(rest)?.index ?? rest.length);
  const activity = ACTIVITY.exec(object.trimStart());
  const placesStart = objectStart + (object.length - object.trimStart().length) + (activity?.[0].length ?? 0);
  const placesText = sentence.text.slice(placesStart, objectStart + object.length);
  const date =
    findDates(sentence.text, sentence.start)
      .map((d) => resolveDay(d, published))
      .find((d) => d !== null) ?? (SAME_DAY.test(sentence.text) ? sessionDate : null);
  const visits: SiteVisitFact[] = [];
  for (const part of splitPlaces(placesText)) {
    const place = part.text.trim().replace(/[,.;:]+$/u, "");
    if (place.length < 3 || !NAMES_SOMETHING.test(place)) continue;
    const start = sentence.start + placesStart + part.start + (part.text.length - part.text.trimStart().length);
    visits.push({ place, date, span: [start, start + place.length], confidence: date ? 0.8 : 0.65 });
  }
  return visits;
}

function splitPlaces(text: string): Array<{ text: string; start: number }> {
  const parts: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const m of text.matchAll(PLACE_SEPARATOR)) {
    const left = text.slice(start, m.index);
    const right = text.slice(m.index + m[0].length).split(PLACE_SEPARATOR)[0] ?? "";
    if (!NAMES_SOMETHING.test(left) || !NAMES_SOMETHING.test(right)) continue;
    parts.push({ text: left, start });
    start = m.index + m[0].length;
  }
  parts.push({ text: text.slice(start), start });
  return parts;
}

export function isVisitSentence(sentence: Sentence): boolean {
  return VISIT_VERB.test(sentence.text);
}
