import type { CommitmentStatus } from "./deadline.ts";
import { rollUpProgress } from "./rollup.ts";

export type SideReport = { side: string; status: CommitmentStatus; progress: number };

/**
 * What the secretariat is asked to confirm when the sides have reported: done when every side is done, dropped
 * when every side dropped it, not started while no side has begun, in progress otherwise — with the progress of
 * the sides rolled up. A side that has not reported counts as not started.
 */
export function proposeOverall(
  sides: readonly string[],
  reports: readonly SideReport[],
): { status: CommitmentStatus; progress: number } {
  const bySide = sides.map(
    (side) => reports.find((r) => r.side === side) ?? { side, status: "not_started" as const, progress: 0 },
  );
  if (bySide.length === 0) return { status: "not_started", progress: 0 };
  if (bySide.every((r) => r.status === "dropped")) {
    return { status: "dropped", progress: rollUpProgress(bySide.map((r) => ({ progress: r.progress }))) ?? 0 };
  }
  const active = bySide.filter((r) => r.status !== "dropped");
  if (active.every((r) => r.status === "done")) return { status: "done", progress: 100 };
  if (active.every((r) => r.status === "not_started")) return { status: "not_started", progress: 0 };
  const progress = Math.round(rollUpProgress(active.map((r) => ({ progress: r.progress }))) ?? 0);
  return { status: "in_progress", progress };
}
