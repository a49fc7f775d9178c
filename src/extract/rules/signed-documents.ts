import type { Sentence } from "../text/segment.ts";
import type { OrganizationFact, SignedDocumentFact } from "../types.ts";
import { findDates, resolveDay } from "./dates.ts";
import { findPersonNames } from "./person-names.ts";
import type { ProtocolStructure } from "./protocol.ts";

const SIGNING_VERB =
  /(?:подписал\p{L}*|подписан\p{L}*|подписывал\p{L}*|подписани\p{L}*|заключил\p{L}*|заключен\p{L}*|заключён\p{L}*|signed|inked|concluded|signing|were\s+exchanged)/iu;
// The kinds of documents a session signs; "ряд документов" names none and is left out.
const DOCUMENT_NOUN =
  /(?<![\p{L}\p{N}])(?:[Пп]ротокол\p{L}*|[Сс]оглашени\p{L}*|[Мм]еморандум\p{L}*|[Дд]оговор(?!енност)\p{L}*|[Пп]рограмм\p{L}*\s+(?:сотрудничества|действий)|[Пп]лан\p{L}*\s+(?:действий|мероприятий)|[Дд]орожн\p{L}*\s+карт\p{L}*|[Зз]аявлени\p{L}*|[Дд]екларац\p{L}*|[Кк]онтракт\p{L}*|[Pp]rotocols?|[Mm]inutes|[Aa]greements?|[Mm]emorand(?:um|a)|MoUs?|[Tt]reat(?:y|ies)|[Rr]oad\s?maps?|[Aa]ction\s+[Pp]lans?|[Dd]eclarations?|[Cc]ontracts?)(?![\p{L}\p{N}])/gu;
// A title ends where the clause ends or the next document of the enumeration starts.
const TITLE_END = /,\s|;|\s[—―–]\s/u;
const TRAILING_CONNECTOR = /(?:\s+(?:и|а\s+также|а|and|as\s+well\s+as))?[\s.,;:]*$/iu;
// The protocol of the session itself is the session's record, not an agreement to carry out.
const SESSION_PROTOCOL =
  /^(?:протокол\p{L}*|protocol)\s+(?:\S+\s+)?(?:заседани|сесси|meeting|session)|^(?:протокол|protocol|minutes)\s+of\s+the\s+\S+\s+(?:meeting|session)/iu;

export interface SignedDocumentReading extends SignedDocumentFact {
  /** True for the protocol of the session the document reports. */
  isSessionProtocol: boolean;
}

/** Documents a sentence reports as signed, with who signed them. */
export function findSignedDocuments(
  sentence: Sentence,
  organizations: readonly OrganizationFact[],
  published: string | null,
  sessionDate: string | null,
): SignedDocumentReading[] {
  const verb = SIGNING_VERB.exec(sentence.text);
  if (!verb) return [];
  const nouns = [...sentence.text.matchAll(DOCUMENT_NOUN)];
  if (nouns.length === 0) return [];
  const verbStart = sentence.start + verb.index;
  const titles = nouns.map((noun, index) => {
    const start = noun.index;
    const limit = nouns[index + 1]?.index ?? sentence.text.length;
    const rest = sentence.text.slice(start + noun[0].length, limit);
    const end = start + noun[0].length + (TITLE_END.exec(rest)?.index ?? rest.length);
    const title = sentence.text.slice(start, end).replace(TRAILING_CONNECTOR, "");
    return { start: sentence.start + start, end: sentence.start + start + title.length, title };
  });
  const people = findPersonNames(sentence.text, sentence.start).map((p) => p.name);
  const inTitle = (start: number) => titles.some((t) => t.start <= start && start < t.end);
  const orgs = organizations.filter(
    (o) => o.span[0] >= sentence.start && o.span[1] <= sentence.end && !inTitle(o.span[0]),
  );
  // Parties are the subject before the verb; with the verb first ("… подписали также X и Y") they follow it.
  const parties = orgs.filter((o) => o.span[0] < verbStart);
  const signatories =
    people.length > 0
      ? people
      : (parties.length > 0 ? parties : orgs.filter((o) => o.span[0] > verbStart)).map((o) => o.full_name ?? o.name);
  const dated = findDates(sentence.text, sentence.start)
    .map((d) => resolveDay(d, published))
    .find((d) => d !== null);
  return titles.map((t) => ({
    title: t.title,
    text: titles.length === 1 ? sentence.text : sentence.text.slice(t.start - sentence.start, t.end - sentence.start),
    signatories,
    date: dated ?? sessionDate,
    span: [t.start, t.end],
    confidence: 0.8,
    isSessionProtocol: SESSION_PROTOCOL.test(t.title),
  }));
}

export function withoutReadingFlags({ isSessionProtocol: _, ...fact }: SignedDocumentReading): SignedDocumentFact {
  return fact;
}

/** The protocol itself, when the document is a signed protocol: its title, signatories and day of signing. */
export function signedProtocol(protocol: ProtocolStructure | null, sessionDate: string | null): SignedDocumentFact[] {
  if (!protocol?.title || (protocol.signatures.length === 0 && protocol.signedOn === null)) return [];
  const signatories = protocol.signatures.flatMap((s) => (s.person ? [s.person.name] : []));
  const { name, span } = protocol.title;
  return [{ title: name, text: name, signatories, date: protocol.signedOn ?? sessionDate, span, confidence: 0.9 }];
}
