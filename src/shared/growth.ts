/**
 * Year-on-year growth of a flow indicator (trade turnover, exports, imports) over any span of months, from
 * observations that may be monthly, quarterly or yearly. The answer is a number only when it is a true one:
 * a missing month, a zero base or mixed units give a reason instead.
 */

export type PeriodGranularity = "month" | "quarter" | "year";
export type Observation = {
  /** `2025-03` (month), `2025-Q1` (quarter) or `2025` (year). */
  period: string;
  value: number;
  /** Currency or physical unit with its scale, e.g. `USD thousand`; observations are only added up within one. */
  unit: string;
};

export type GrowthResult =
  | {
      ok: true;
      current: number;
      base: number;
      /** (current − base) / base × 100, rounded to one decimal. */
      growthPercent: number;
      unit: string;
    }
  | { ok: false; reason: "missing_data"; missing: string[]; message: string }
  | { ok: false; reason: "zero_base"; message: string }
  | { ok: false; reason: "unit_mismatch"; units: string[]; message: string }
  | { ok: false; reason: "invalid_span"; message: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** The months (as `YYYY-MM`) a period covers, or null when the text is not a period. */
export function monthsOf(period: string): string[] | null {
  let m = MONTH.exec(period);
  if (m) return [period];
  m = QUARTER.exec(period);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return [0, 1, 2].map((i) => `${m?.[1]}-${String(first + i).padStart(2, "0")}`);
  }
  m = YEAR.exec(period);
  if (m) return Array.from({ length: 12 }, (_, i) => `${m?.[1]}-${String(i + 1).padStart(2, "0")}`);
  return null;
}

/** Every month from `from` to `to` inclusive (`YYYY-MM`), or null when the span is reversed or malformed. */
export function monthSpan(from: string, to: string): string[] | null {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b || from > to) return null;
  const months: string[] = [];
  let [year, month] = [Number(a[1]), Number(a[2])];
  for (;;) {
    const current = `${year}-${String(month).padStart(2, "0")}`;
    months.push(current);
    if (current === to) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/** The same months one year earlier. */
function yearBefore(months: string[]): string[] {
  return months.map((m) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`);
}

/**
 * Adds up the observations that exactly tile the months: coarser observations first (a year wholly inside the span),
 * then quarters, then months, never counting a month twice. Reports the months nothing covers.
 */
export function sumOver(months: string[], observations: Observation[]): { total: number; missing: string[] } {
  const wanted = new Set(months);
  const covered = new Set<string>();
  let total = 0;
  const byCoarseness = [...observations].sort(
    (a, b) => (monthsOf(b.period)?.length ?? 0) - (monthsOf(a.period)?.length ?? 0),
  );
  for (const observation of byCoarseness) {
    const its = monthsOf(observation.period);
    if (!its?.every((m) => wanted.has(m) && !covered.has(m))) continue;
    for (const m of its) covered.add(m);
    total += observation.value;
  }
  return { total, missing: months.filter((m) => !covered.has(m)) };
}

/** Growth of the months `from`..`to` (e.g. 2025-01..2025-10) against the same months a year before. */
export function yearOnYearGrowth(observations: Observation[], from: string, to: string): GrowthResult {
  const months = monthSpan(from, to);
  if (!months)
    return { ok: false, reason: "invalid_span", message: `${from}..${to} is not a span of months (YYYY-MM..YYYY-MM).` };
  const baseMonths = yearBefore(months);
  const relevant = observations.filter((o) =>
    (monthsOf(o.period) ?? []).some((m) => months.includes(m) || baseMonths.includes(m)),
  );
  const units = [...new Set(relevant.map((o) => o.unit))];
  if (units.length > 1) {
    return {
      ok: false,
      reason: "unit_mismatch",
      units,
      message: `The figures are in different units (${units.join(", ")}); convert them to one before comparing.`,
    };
  }
  const current = sumOver(months, relevant);
  const base = sumOver(baseMonths, relevant);
  const missing = [...base.missing, ...current.missing];
  if (missing.length > 0) {
    return { ok: false, reason: "missing_data", missing, message: `No figure for ${missing.join(", ")}.` };
  }
  if (base.total === 0) {
    return { ok: false, reason: "zero_base", message: "The base period is zero: growth has no meaning." };
  }
  return {
    ok: true,
    current: current.total,
    base: base.total,
    growthPercent: Math.round(((current.total - base.total) / base.total) * 1000) / 10,
    unit: units[0] ?? "",
  };
}
