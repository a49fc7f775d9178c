/**
 * Progress roll-up: the progress of a group (a sector, an organisation, a session, a programme measure, a
 * commission) from the progress of its items. Weighted where every item has a weight, the plain mean otherwise;
 * dropped items are left out (they will not be done and must not drag the figure down). One function, used by
 * the API and the pages alike.
 */
export type RollupItem = { progress: number; weight?: number | null; dropped?: boolean };

export function rollUpProgress(items: readonly RollupItem[]): number | null {
  // Summed in a fixed order, so that floating-point rounding cannot make the result depend on the input order.
  const counted = items
    .filter((i) => !i.dropped)
    .sort((a, b) => a.progress - b.progress || (a.weight ?? 0) - (b.weight ?? 0));
  if (counted.length === 0) return null;
  const weighted = counted.every((i) => typeof i.weight === "number" && i.weight > 0);
  let total = 0;
  let weights = 0;
  for (const item of counted) {
    const weight = weighted ? (item.weight as number) : 1;
    total += clampProgress(item.progress) * weight;
    weights += weight;
  }
  return Math.round((total / weights) * 10) / 10;
}

export function clampProgress(progress: number): number {
  return Number.isFinite(progress) ? Math.min(100, Math.max(0, progress)) : 0;
}
