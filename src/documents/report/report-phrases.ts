import type { Language } from "../../shared/i18n-text.ts";
import { azerbaijaniOrdinal, englishOrdinal } from "../text/ordinals.ts";
import { russianGenitive } from "../text/russian-cases.ts";

/** The fixed wording of the implementation report. The az wording is unreviewed. */
export type ReportPhrases = {
  titleHead: string;
  titleRest: (reportedOn: number, commission: string) => string;
  context: (reportingAt: number, asOf: string) => string;
  summaryHeading: string;
  chartHeading: string;
  itemsHeading: string;
  sector: string;
  total: string;
  progress: string;
  overall: string;
  barCaption: (progress: string, done: number, total: number) => string;
  agreement: string;
  responsible: string;
  deadline: string;
  overallStatus: string;
  latestUpdate: string;
  notReported: string;
};

export const REPORT_PHRASES: Record<Language, ReportPhrases> = {
  ru: {
    titleHead: "ОТЧЁТ",
    titleRest: (n, commission) => `о ходе выполнения решений ${n}-го заседания ${russianGenitive(commission)}`,
    context: (n, asOf) => `Представляется к ${n}-му заседанию Комиссии. Сведения по состоянию на ${asOf}`,
    summaryHeading: "Сводка по секторам и статусам",
    chartHeading: "Выполнение по секторам",
    itemsHeading: "Ход выполнения по пунктам протокола",
    sector: "Сектор",
    total: "Всего",
    progress: "Выполнение, %",
    overall: "Итого",
    barCaption: (progress, done, total) => `${progress}% (выполнено ${done} из ${total})`,
    agreement: "Решение",
    responsible: "Ответственные",
    deadline: "Срок",
    overallStatus: "Общий статус",
    latestUpdate: "Последнее обновление",
    notReported: "нет сведений",
  },
  en: {
    titleHead: "REPORT",
    titleRest: (n, commission) =>
      `on the implementation of the decisions of the ${englishOrdinal(n)} session of the ${commission}`,
    context: (n, asOf) => `Submitted to the ${englishOrdinal(n)} session of the Commission. Status as of ${asOf}.`,
    summaryHeading: "Summary by sector and status",
    chartHeading: "Progress by sector",
    itemsHeading: "Progress item by item",
    sector: "Sector",
    total: "Total",
    progress: "Progress, %",
    overall: "Total",
    barCaption: (progress, done, total) => `${progress}% (${done} of ${total} done)`,
    agreement: "Agreement",
    responsible: "Responsible",
    deadline: "Deadline",
    overallStatus: "Overall status",
    latestUpdate: "Latest update",
    notReported: "not reported",
  },
  az: {
    titleHead: "HESABAT",
    titleRest: (n, commission) => `${commission}: ${azerbaijaniOrdinal(n)} iclasın qərarlarının icrası`,
    context: (n, asOf) =>
      `Komissiyanın ${azerbaijaniOrdinal(n)} iclasına təqdim olunur. ${asOf} tarixinə olan vəziyyət.`,
    summaryHeading: "Sahələr və statuslar üzrə xülasə",
    chartHeading: "Sahələr üzrə icra",
    itemsHeading: "Protokolun bəndləri üzrə icra",
    sector: "Sahə",
    total: "Cəmi",
    progress: "İcra, %",
    overall: "Cəmi",
    barCaption: (progress, done, total) => `${progress}% (${total} bənddən ${done} icra olunub)`,
    agreement: "Qərar",
    responsible: "Məsul qurumlar",
    deadline: "Müddət",
    overallStatus: "Ümumi status",
    latestUpdate: "Son yeniləmə",
    notReported: "məlumat yoxdur",
  },
};
