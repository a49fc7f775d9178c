import type { PressRelease, PressReleaseLanguage } from "../../shared/api/exports.ts";
import { SECTOR_NAMES } from "../../shared/sectors.ts";
import type { DocumentLayout } from "../layout/blocks.ts";
import { nextSessionOf, sectionsOf } from "../protocol/protocol-layout.ts";
import { PROTOCOL_PHRASES } from "../protocol/protocol-phrases.ts";
import { countryName } from "../text/countries.ts";
import { formatDays } from "../text/dates.ts";
import { localize } from "../text/localize.ts";
import type { PressReleaseData, SessionFigure } from "./press-release-data.ts";
import { PRESS_RELEASE_PHRASES, type PressReleasePhrases } from "./press-release-phrases.ts";

const LOCALES: Record<PressReleaseLanguage, string> = { ru: "ru-RU", en: "en-GB" };

const lowerFirst = (text: string, lang: PressReleaseLanguage) =>
  text.slice(0, 1).toLocaleLowerCase(lang) + text.slice(1);

/** "январь–октябрь 2025 г.", "January–October 2025": a span of months of the figures. */
function formatMonths(start: string, end: string, lang: PressReleaseLanguage): string {
  const month = (ym: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: "UTC" }).format(new Date(`${ym}-01T00:00:00Z`));
  const year = end.slice(0, 4);
  if (start === end) return month(end, { month: "long", year: "numeric" });
  if (start.slice(0, 4) !== year) {
    return `${month(start, { month: "long", year: "numeric" })} – ${month(end, { month: "long", year: "numeric" })}`;
  }
  return `${month(start, { month: "long" })}–${month(end, { month: "long", year: "numeric" })}`;
}

function figureSentence(figure: SessionFigure, lang: PressReleaseLanguage, phrases: PressReleasePhrases): string {
  const indicator = phrases.indicators[figure.indicator] ?? figure.indicator;
  const period = formatMonths(figure.periodStart, figure.periodEnd, lang);
  const write = figure.kind === "growth_yoy" ? phrases.growth : phrases.amount;
  return write(indicator, period, figure.comparator, figure.value, figure.unit);
}

/** A first draft from the session's record; the secretariat edits it before it goes out. */
export function draftPressRelease(data: PressReleaseData, lang: PressReleaseLanguage): PressRelease {
  const phrases = PRESS_RELEASE_PHRASES[lang];
  const commission = localize(data.commission.name, lang);
  const { session } = data;
  const city = session.city ? localize(session.city, lang) : countryName(session.hostCountry, lang);
  const days = session.startsOn ? formatDays(session.startsOn, session.endsOn, lang) : PROTOCOL_PHRASES[lang].blankDate;
  const chairs = data.coChairs.map((c) => `${localize(c.name, lang)}, ${localize(c.position, lang)}`);
  const sectors = sectionsOf(data.agreements).map((s) => lowerFirst(SECTOR_NAMES[s.sector][lang], lang));
  const next = nextSessionOf(data);
  const paragraphs = [
    [phrases.opening(session.number, commission, days, city), ...(chairs.length > 0 ? [phrases.coChairs(chairs)] : [])],
    data.agreements.length > 0 ? [phrases.agreed(data.agreements.length, sectors)] : [],
    data.figures.map((f) => figureSentence(f, lang, phrases)),
    data.siteVisits.length > 0 ? [phrases.visits(data.siteVisits.map((v) => lowerFirst(localize(v, lang), lang)))] : [],
    data.held ? [phrases.signed(session.number)] : [],
    [
      PROTOCOL_PHRASES[lang].nextSession(
        next.number,
        { city: next.city ? localize(next.city, lang) : null, country: countryName(next.hostCountry, lang) },
        next.startsOn ? formatDays(next.startsOn, next.endsOn, lang) : null,
      ),
    ],
  ];
  return {
    title: phrases.title(session.number, commission, city),
    text: paragraphs
      .filter((sentences) => sentences.length > 0)
      .map((sentences) => sentences.join(" "))
      .join("\n\n"),
  };
}

/** The edited press release as a document: its title, then its paragraphs as separated by blank lines. */
export function pressReleaseLayout(release: PressRelease, lang: PressReleaseLanguage): DocumentLayout {
  const paragraphs = release.text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
  return {
    title: release.title,
    language: lang,
    orientation: "portrait",
    blocks: [
      { kind: "title", lines: [release.title] },
      ...paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
    ],
  };
}
