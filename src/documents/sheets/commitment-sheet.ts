import type { Commitment } from "../../shared/api/commitments.ts";
import { type Language, pickText } from "../../shared/i18n-text.ts";
import { type ColumnKey, columnKeys, headerOf, NAME_SEPARATOR, sideOfKey } from "./commitment-columns.ts";

export type Cell = string | number | null;
export type Sheet = { name: string; columns: { key: ColumnKey; header: string; width: number }[]; rows: Cell[][] };

const WIDTHS: Partial<Record<ColumnKey, number>> = { id: 38, textRu: 60, textEn: 60, textAz: 60, note: 30 };
const RESPONSIBLE_WIDTH = 40;
const DEFAULT_WIDTH = 12;
const YES_NO: Record<Language, [string, string]> = { en: ["yes", "no"], ru: ["да", "нет"], az: ["bəli", "xeyr"] };

function cellOf(commitment: Commitment, key: ColumnKey, lang: Language): Cell {
  const side = sideOfKey(key);
  if (side !== null) {
    return commitment.responsible
      .filter((r) => r.side === side)
      .map((r) => pickText(r.name, lang)?.value ?? r.organizationId)
      .join(NAME_SEPARATOR);
  }
  switch (key) {
    case "id":
      return commitment.id;
    case "session":
      return commitment.sessionNumber;
    case "item":
      return commitment.itemNumber;
    case "sector":
      return commitment.sector;
    case "textRu":
      return commitment.text.ru ?? null;
    case "textEn":
      return commitment.text.en ?? null;
    case "textAz":
      return commitment.text.az ?? null;
    case "deadline":
      return commitment.deadline;
    case "dueDate":
      return commitment.dueDate;
    case "status":
      return commitment.status;
    case "progress":
      return commitment.progress;
    case "late":
      return YES_NO[lang][commitment.overdue ? 0 : 1];
    default:
      return null;
  }
}

/** Commitments as rows under headers in `lang`; names of organisations as `lang` has them, else another language. */
export function commitmentSheet(commitments: readonly Commitment[], sides: readonly string[], lang: Language): Sheet {
  const keys = columnKeys(sides);
  return {
    name: "Commitments",
    columns: keys.map((key) => ({
      key,
      header: headerOf(key, lang),
      width: sideOfKey(key) === null ? (WIDTHS[key] ?? DEFAULT_WIDTH) : RESPONSIBLE_WIDTH,
    })),
    rows: commitments.map((c) => keys.map((key) => cellOf(c, key, lang))),
  };
}
