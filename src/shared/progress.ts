import type { CommitmentStatus } from "./deadline.ts";

export type StatusChangeInput = { status?: CommitmentStatus; progress?: number };
export type StatusChangeResult =
  | { ok: true; status: CommitmentStatus; progress: number }
  | { ok: false; field: "progress" | "status"; message: string };

/**
 * The status a commitment moves to and the progress that goes with it. A status carries a default progress:
 * done is 100, not started is 0; in progress and dropped keep the progress reached unless a new one is given.
 */
export function applyStatusChange(
  current: { status: CommitmentStatus; progress: number },
  change: StatusChangeInput,
): StatusChangeResult {
  const status = change.status ?? current.status;
  switch (status) {
    case "done":
      if (change.progress !== undefined && change.progress !== 100) {
        return { ok: false, field: "progress", message: "must be 100 when the status is done" };
      }
      return { ok: true, status, progress: 100 };
    case "not_started":
      if (change.progress !== undefined && change.progress !== 0) {
        return { ok: false, field: "progress", message: "must be 0 when the status is not_started (use in_progress)" };
      }
      return { ok: true, status, progress: 0 };
    case "in_progress":
    case "dropped": {
      // Leaving "done" without a new figure would keep 100% on an unfinished item: ask for one instead.
      const keep = current.status === "done" ? undefined : current.progress;
      const progress = change.progress ?? keep;
      if (progress === undefined) {
        return { ok: false, field: "progress", message: "is required when a done item is reopened" };
      }
      return { ok: true, status, progress };
    }
  }
}
