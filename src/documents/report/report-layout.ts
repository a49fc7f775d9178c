import type { ImplementationReport, ReportItem, ReportTally } from "../../shared/api/monitoring.ts";
import type { Language, LocalizedText } from "../../shared/i18n-text.ts";
import { SECTOR_NAMES } from "../../shared/sectors.ts";
import type { Block, DocumentLayout, TableBlock } from "../layout/blocks.ts";
import { formatDay, formatDeadline } from "../text/dates.ts";
import { localize } from "../text/localize.ts";
import { LATE_LABEL, STATUS_LABELS } from "../text/status-labels.ts";
import { REPORT_PHRASES, type ReportPhrases } from "./report-phrases.ts";

/** The implementation report's data and the commission it belongs to. */
export type ReportData = { commission: { name: LocalizedText; countries: string[] }; report: ImplementationReport };

const LATEST_UPDATE_LENGTH = 300;

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value)}`);
const shorten = (text: string) =>
  text.length <= LATEST_UPDATE_LENGTH ? text : `${text.slice(0, LATEST_UPDATE_LENGTH - 1).trimEnd()}…`;

function tallyCells(label: string, tally: ReportTally): string[] {
  return [
    label,
    String(tally.total),
    String(tally.notStarted),
    String(tally.inProgress),
    String(tally.done),
    String(tally.dropped),
    String(tally.late),
    percent(tally.progress),
  ];
}

function summaryTable(report: ImplementationReport, lang: Language, phrases: ReportPhrases): TableBlock {
  const number = { width: 1, align: "right" as const };
  return {
    kind: "table",
    columns: [
      { header: phrases.sector, width: 4 },
      { header: phrases.total, ...number },
      { header: STATUS_LABELS[lang].not_started, ...number },
      { header: STATUS_LABELS[lang].in_progress, ...number },
      { header: STATUS_LABELS[lang].done, ...number },
      { header: STATUS_LABELS[lang].dropped, ...number },
      { header: LATE_LABEL[lang], ...number },
      { header: phrases.progress, width: 1.5, align: "right" },
    ],
    rows: [
      ...report.sectors.map((s) => ({ cells: tallyCells(SECTOR_NAMES[s.sector][lang], s.totals) })),
      { cells: tallyCells(phrases.overall, report.totals), bold: true },
    ],
  };
}

function statusText(status: ReportItem["status"], progress: number, lang: Language): string {
  return `${STATUS_LABELS[lang][status]}, ${progress}%`;
}

function itemRow(item: ReportItem, sides: string[], lang: Language, phrases: ReportPhrases) {
  const sideCells = sides.map((side) => {
    const state = item.sides.find((s) => s.side === side);
    if (!state || state.status === null) return phrases.notReported;
    const day = state.reportedAt ? `\n${formatDay(state.reportedAt.slice(0, 10), lang)}` : "";
    return `${statusText(state.status, state.progress ?? 0, lang)}${day}`;
  });
  const responsible = item.sides
    .filter((s) => s.responsible.length > 0)
    .map((s) => `${s.side}: ${s.responsible.map((r) => localize(r.name, lang)).join(", ")}`)
    .join("\n");
  const latest = item.latestUpdate
    ? `${formatDay(item.latestUpdate.date.slice(0, 10), lang)}, ${item.latestUpdate.author}: ${shorten(item.latestUpdate.text)}`
    : "—";
  const overall = `${statusText(item.status, item.progress, lang)}${item.late ? `\n${LATE_LABEL[lang].toLocaleUpperCase(lang)}` : ""}`;
  return {
    cells: [
      item.itemNumber ?? "",
      localize(item.text, lang),
      responsible || "—",
      item.deadline ? formatDeadline(item.deadline, lang) : "—",
      ...sideCells,
      overall,
      latest,
    ],
    bold: item.late,
  };
}

function itemsTable(items: ReportItem[], sides: string[], lang: Language, phrases: ReportPhrases): TableBlock {
  return {
    kind: "table",
    columns: [
      { header: "№", width: 2 },
      { header: phrases.agreement, width: 11 },
      { header: phrases.responsible, width: 8 },
      { header: phrases.deadline, width: 4 },
      // Country codes: a country's name does not fit a column this narrow.
      ...sides.map((side) => ({ header: side, width: 4 })),
      { header: phrases.overallStatus, width: 5 },
      { header: phrases.latestUpdate, width: 10 },
    ],
    rows: items.map((item) => itemRow(item, sides, lang, phrases)),
  };
}

/** Summary by sector and status, a chart of progress by sector, then every commitment with its state per side. */
export function reportLayout(data: ReportData, lang: Language): DocumentLayout {
  const phrases = REPORT_PHRASES[lang];
  const { report } = data;
  const commission = localize(data.commission.name, lang);
  const title = [phrases.titleHead, phrases.titleRest(report.of.number, commission)];
  const blocks: Block[] = [
    { kind: "title", lines: title },
    { kind: "paragraph", text: phrases.context(report.session.number, formatDay(report.asOf, lang)) },
    { kind: "heading", text: `1. ${phrases.summaryHeading}` },
    summaryTable(report, lang, phrases),
    { kind: "heading", text: `2. ${phrases.chartHeading}` },
    {
      kind: "bars",
      bars: report.sectors.map((s) => ({
        label: SECTOR_NAMES[s.sector][lang],
        percent: s.totals.progress ?? 0,
        caption: phrases.barCaption(percent(s.totals.progress), s.totals.done, s.totals.total),
      })),
    },
    { kind: "heading", text: `3. ${phrases.itemsHeading}` },
    ...report.sectors.flatMap((s, i): Block[] => [
      { kind: "heading", text: `3.${i + 1}. ${SECTOR_NAMES[s.sector][lang]}` },
      itemsTable(s.items, data.commission.countries, lang, phrases),
    ]),
  ];
  return { title: title.join(" "), language: lang, orientation: "landscape", blocks };
}
