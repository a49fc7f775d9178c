import type { CommitmentStatus } from "../../shared/deadline.ts";
import type { Language } from "../../shared/i18n-text.ts";

// The az labels are unreviewed: a native speaker should check them before release.
export const STATUS_LABELS: Record<Language, Record<CommitmentStatus, string>> = {
  ru: { not_started: "не начато", in_progress: "в работе", done: "выполнено", dropped: "снято" },
  en: { not_started: "not started", in_progress: "in progress", done: "done", dropped: "dropped" },
  az: { not_started: "başlanmayıb", in_progress: "icra olunur", done: "icra olunub", dropped: "ləğv edilib" },
};

export const LATE_LABEL: Record<Language, string> = { ru: "просрочено", en: "late", az: "gecikir" };
