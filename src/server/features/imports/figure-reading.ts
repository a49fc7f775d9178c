import type { ImportDraft } from "../../../shared/api/imports.ts";
import type { FigureValues, Indicator } from "./imports.repo.ts";

type FigureFact = ImportDraft["figures"][number];
export type FigureReading = { figure: Omit<FigureValues, "source"> } | { reason: string };

// A figure is stored only when what it measures, its kind and its period are clear; anything less is skipped
// with the reason, for a person to enter by hand. Words match at the start of a word.
const word = (stems: string) => new RegExp(`(?<!\\p{L})(?:${stems})`, "iu");
const INDICATORS: [Indicator, RegExp][] = [
  ["exports", word("экспорт|export|ixrac")],
  ["imports", word("импорт|import|idxal")],
  ["trade_turnover", word("товарооборот|торгов|trade|turnover|ticarət|dövriyyə")],
];
/** Words that say the figure measures something else (investment, projects, a share of payments …). */
const OTHER_MEASURES = word(
  "инвестиц|проект|портфел|капитал|предприят|компани|дол[яюи]|расчет|investment|project|portfolio|capital|compan|enterprise|share|settlement",
);
const GROWTH = word("рост|вырос|увелич|прирост|больше|выше|grew|grow|increase|rose|up by|higher|artıb|artım");
const COMPARATORS: [FigureValues["comparator"], RegExp][] = [
  ["more_than", word("более чем|свыше|превысил|превыша|more than|over|exceed|above|in excess of")],
  ["less_than", word("менее|меньше чем|less than|under|below")],
  ["about", word("около|почти|порядка|примерно|about|almost|nearly|around|approximately|some")],
];
const PERCENT = /^(?:%|процент\p{L}*|percent|per cent|faiz)$/iu;
const CURRENCIES: [string, RegExp][] = [
  ["USD", /доллар|usd|\$/iu],
  ["EUR", /евро|eur|€/iu],
  ["RUB", /рубл|rub/iu],
  ["CNY", /юан|yuan|cny/iu],
];
const SCALES: [string, RegExp][] = [
  ["billion", /млрд|миллиард|billion|bn|milyard/iu],
  ["million", /млн|миллион|million|mln|milyon/iu],
  ["thousand", /тыс|thousand/iu],
];

/** Clauses of the sentence (a decimal comma has no space after it, a clause comma does). */
function clausesOf(text: string): { text: string; end: number }[] {
  const clauses: { text: string; end: number }[] = [];
  const boundary = /[,;:]\s|\s(?:и|а|while|and|but|whereas)\s/giu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    clauses.push({ text: text.slice(start, match.index), end: match.index });
    start = match.index + match[0].length;
  }
  clauses.push({ text: text.slice(start), end: text.length });
  return clauses;
}

/** The clause that holds the figure's number, and the ones before it in the sentence, nearest first. */
function clausesAround(fact: FigureFact): string[] {
  const clauses = clausesOf(fact.text);
  const written = [String(fact.value), String(fact.value).replace(".", ",")];
  const at = Math.min(...written.map((w) => fact.text.indexOf(w)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return [fact.text];
  const index = clauses.findIndex((clause) => at < clause.end);
  return clauses
    .slice(0, index + 1)
    .reverse()
    .map((c) => c.text);
}

/** What the figure measures: the extractor's indicator when it names one, else the nearest clause that says. */
function indicatorOf(fact: FigureFact, clauses: string[]): Indicator | null {
  for (const text of fact.indicator ? [fact.indicator, ...clauses] : clauses) {
    const indicator = INDICATORS.find(([, pattern]) => pattern.test(text))?.[0];
    if (indicator) return indicator;
    if (OTHER_MEASURES.test(text)) return null;
  }
  return null;
}

function unitOf(unit: string): { kind: FigureValues["kind"]; unit: string } | null {
  if (PERCENT.test(unit.trim())) return { kind: "growth_yoy", unit: "%" };
  const currency = CURRENCIES.find(([, pattern]) => pattern.test(unit))?.[0];
  if (!currency) return null;
  const scale = SCALES.find(([, pattern]) => pattern.test(unit))?.[0];
  return { kind: "value", unit: scale ? `${currency} ${scale}` : currency };
}

const QUARTER_MONTHS: Record<string, [string, string]> = {
  "1": ["01", "03"],
  "2": ["04", "06"],
  "3": ["07", "09"],
  "4": ["10", "12"],
};

/** "2025", "2025-Q1", "2025-03" or "2025-01/2025-10" as the first and last month (or year) it covers. */
export function periodBounds(period: string): [string, string] | null {
  const range = /^(\d{4}(?:-\d{2})?)\/(\d{4}(?:-\d{2})?)$/.exec(period);
  if (range?.[1] && range[2]) return range[2] >= range[1] ? [range[1], range[2]] : null;
  if (/^\d{4}(?:-\d{2})?$/.test(period)) return [period, period];
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const months = quarter?.[2] ? QUARTER_MONTHS[quarter[2]] : undefined;
  return quarter && months ? [`${quarter[1]}-${months[0]}`, `${quarter[1]}-${months[1]}`] : null;
}

/** The reported figure a draft's figure stands for, or why it cannot be stored as one. */
export function readFigure(fact: FigureFact): FigureReading {
  const unit = unitOf(fact.unit);
  if (!unit) return { reason: `«${fact.unit}» is neither a percentage nor an amount of money.` };
  const clauses = clausesAround(fact);
  const indicator = indicatorOf(fact, clauses);
  if (!indicator) return { reason: "It is not clear that the figure measures trade, exports or imports." };
  const bounds = fact.period ? periodBounds(fact.period) : null;
  if (!bounds) return { reason: "The document does not say which period the figure covers." };
  if (unit.kind === "growth_yoy" && !GROWTH.test(clauses[0] ?? "")) {
    return { reason: "A percentage that is not a growth (a share, a target) is not recorded." };
  }
  const comparator = COMPARATORS.find(([, pattern]) => pattern.test(clauses[0] ?? ""))?.[0] ?? "exactly";
  return {
    figure: {
      indicator,
      kind: unit.kind,
      comparator,
      value: fact.value,
      unit: unit.unit,
      periodStart: bounds[0],
      periodEnd: bounds[1],
    },
  };
}
