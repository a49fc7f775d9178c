import type { Language } from "../../shared/i18n-text.ts";
import { SECTOR_NAMES, type SectorCode } from "../../shared/sectors.ts";
import type { DocumentLayout, Signatory, TextBlock } from "../layout/blocks.ts";
import { countryName } from "../text/countries.ts";
import { formatDay, formatDays, formatDeadline } from "../text/dates.ts";
import { localize } from "../text/localize.ts";
import type { Agreement, ProtocolData, SessionFacts } from "./protocol-data.ts";
import { type Place, PROTOCOL_PHRASES, type ProtocolPhrases } from "./protocol-phrases.ts";

/** One language, or two printed side by side in parallel columns. */
export type ProtocolLanguages = [Language] | [Language, Language];

type Section = { sector: SectorCode; agreements: Agreement[] };

/** Agreements grouped by sector, the sectors in the order the protocol first names them. */
export function sectionsOf(agreements: readonly Agreement[]): Section[] {
  const sections = new Map<SectorCode, Agreement[]>();
  for (const agreement of agreements) {
    sections.set(agreement.sector, [...(sections.get(agreement.sector) ?? []), agreement]);
  }
  return [...sections].map(([sector, inSector]) => ({ sector, agreements: inSector }));
}

/** A recorded title only counts in its own language: a translation marked as missing makes a poor title. */
function titleLines(data: ProtocolData, lang: Language, phrases: ProtocolPhrases, commission: string): string[] {
  const recorded = data.recordedTitle?.[lang];
  if (recorded) {
    const [head = "", ...rest] = recorded.split(" ");
    return [head.toLocaleUpperCase(lang), rest.join(" ")];
  }
  return [phrases.titleHead, phrases.titleRest(data.session.number, commission)];
}

function placeOf(session: SessionFacts, lang: Language): Place {
  return { city: session.city ? localize(session.city, lang) : null, country: countryName(session.hostCountry, lang) };
}

/** The next session as planned, else the next number on the other side's ground on dates still to be agreed. */
export function nextSessionOf(data: ProtocolData): SessionFacts {
  if (data.nextSession) return data.nextSession;
  const [first, second] = data.commission.countries;
  return {
    number: data.session.number + 1,
    hostCountry: data.session.hostCountry === first ? second : first,
    city: null,
    startsOn: null,
    endsOn: null,
  };
}

function agreementBlock(agreement: Agreement, number: string, lang: Language, phrases: ProtocolPhrases): TextBlock {
  const bySide = [...new Set(agreement.responsible.map((r) => r.side))].map((side) =>
    phrases.responsiblePart(
      countryName(side, lang),
      agreement.responsible.filter((r) => r.side === side).map((r) => localize(r.name, lang)),
    ),
  );
  const notes = [
    ...(bySide.length > 0 ? [phrases.responsible(bySide)] : []),
    ...(agreement.deadline ? [phrases.deadline(formatDeadline(agreement.deadline, lang))] : []),
  ];
  return { kind: "item", number, text: localize(agreement.text, lang), notes };
}

function bodyBlocks(data: ProtocolData, lang: Language, languages: ProtocolLanguages): TextBlock[] {
  const phrases = PROTOCOL_PHRASES[lang];
  const commission = localize(data.commission.name, lang);
  const place = placeOf(data.session, lang);
  const signedOn = data.signedOn ?? data.session.startsOn;
  const days = data.session.startsOn ? formatDays(data.session.startsOn, data.session.endsOn, lang) : phrases.blankDate;
  const sections = sectionsOf(data.agreements);
  const next = nextSessionOf(data);
  const nextDays = next.startsOn ? formatDays(next.startsOn, next.endsOn, lang) : null;
  return [
    { kind: "title", lines: titleLines(data, lang, phrases, commission) },
    {
      kind: "placeDate",
      place: place.city ?? place.country,
      date: signedOn ? formatDay(signedOn, lang) : phrases.blankDate,
    },
    { kind: "paragraph", text: phrases.held(data.session.number, commission, days, place) },
    ...(data.coChairs.length > 0 ? [{ kind: "paragraph" as const, text: phrases.coChairsIntro }] : []),
    ...data.coChairs.map(
      (c): TextBlock => ({
        kind: "paragraph",
        text: phrases.coChairLine(countryName(c.side, lang), localize(c.name, lang), localize(c.position, lang)),
      }),
    ),
    { kind: "paragraph", text: phrases.agreedIntro },
    ...sections.flatMap((section, i): TextBlock[] => [
      { kind: "heading", text: `${i + 1}. ${SECTOR_NAMES[section.sector][lang]}` },
      ...section.agreements.map((a, j) => agreementBlock(a, `${i + 1}.${j + 1}.`, lang, phrases)),
    ]),
    { kind: "heading", text: `${sections.length + 1}. ${phrases.nextSessionHeading}` },
    { kind: "paragraph", text: phrases.nextSession(next.number, placeOf(next, lang), nextDays) },
    {
      kind: "paragraph",
      text: phrases.closing(place, signedOn ? formatDay(signedOn, lang) : phrases.blankDate, languages),
    },
  ];
}

function signatories(data: ProtocolData, lang: Language): Signatory[] {
  const phrases = PROTOCOL_PHRASES[lang];
  return data.commission.countries.map((side) => {
    const coChair = data.coChairs.find((c) => c.side === side);
    return {
      heading: phrases.signatureHeading(countryName(side, lang)),
      lines: [phrases.coChairRole],
      name: coChair ? localize(coChair.name, lang) : "",
    };
  });
}

const joinDistinct = (a: string, b: string) => (a === b ? a : `${a} / ${b}`);

/** A signatory in both languages: one signature line under both headings. */
function bilingualSignatory(first: Signatory, second: Signatory): Signatory {
  return {
    heading: joinDistinct(first.heading, second.heading),
    lines: first.lines.map((line, i) => joinDistinct(line, second.lines[i] ?? "")),
    name: joinDistinct(first.name, second.name),
  };
}

export function protocolLayout(data: ProtocolData, languages: ProtocolLanguages): DocumentLayout {
  const [first, second] = languages;
  const firstBody = bodyBlocks(data, first, languages);
  const title = protocolTitle(data, first);
  if (!second) {
    return {
      title,
      language: first,
      orientation: "portrait",
      blocks: [...firstBody, { kind: "signatures", parties: signatories(data, first) }],
    };
  }
  const secondBody = bodyBlocks(data, second, languages);
  const secondParties = signatories(data, second);
  return {
    title,
    language: first,
    orientation: "portrait",
    blocks: [
      { kind: "parallel", rows: firstBody.map((block, i) => [block, secondBody[i] ?? block]) },
      {
        kind: "signatures",
        parties: signatories(data, first).map((party, i) => bilingualSignatory(party, secondParties[i] ?? party)),
      },
    ],
  };
}

/** The protocol's title in one language, for file names and metadata. */
export function protocolTitle(data: ProtocolData, lang: Language): string {
  return titleLines(data, lang, PROTOCOL_PHRASES[lang], localize(data.commission.name, lang)).join(" ");
}
