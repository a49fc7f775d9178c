import { LANGUAGES, type Language } from "../../shared/i18n-text.ts";

/**
 * The columns of a commitment spreadsheet, shared by the export and the import so that a file exported can be
 * edited and read back. One "responsible" column per side of the commissions in the list.
 */
export const FIXED_COLUMN_KEYS = [
  "id",
  "session",
  "item",
  "sector",
  "textRu",
  "textEn",
  "textAz",
  "deadline",
  "dueDate",
  "status",
  "progress",
  "late",
  "note",
] as const;
export type FixedColumnKey = (typeof FIXED_COLUMN_KEYS)[number];
export type ResponsibleColumnKey = `responsible:${string}`;
export type ColumnKey = FixedColumnKey | ResponsibleColumnKey;

const HEADERS: Record<FixedColumnKey, Record<Language, string>> = {
  id: { en: "ID", ru: "ID", az: "ID" },
  session: { en: "Session", ru: "Заседание", az: "İclas" },
  item: { en: "Item", ru: "Пункт", az: "Bənd" },
  sector: { en: "Sector", ru: "Сектор", az: "Sahə" },
  textRu: { en: "Text (ru)", ru: "Текст (ru)", az: "Mətn (ru)" },
  textEn: { en: "Text (en)", ru: "Текст (en)", az: "Mətn (en)" },
  textAz: { en: "Text (az)", ru: "Текст (az)", az: "Mətn (az)" },
  deadline: { en: "Deadline", ru: "Срок", az: "Müddət" },
  dueDate: { en: "Due date", ru: "Крайняя дата", az: "Son tarix" },
  status: { en: "Status", ru: "Статус", az: "Status" },
  progress: { en: "Progress, %", ru: "Выполнение, %", az: "İcra, %" },
  late: { en: "Late", ru: "Просрочено", az: "Gecikir" },
  note: { en: "Update note", ru: "Комментарий к обновлению", az: "Yeniləmə qeydi" },
};
const RESPONSIBLE_HEADER: Record<Language, string> = { en: "Responsible", ru: "Ответственные", az: "Məsul" };

/** Columns computed from the others: exported to read, ignored on import. */
export const DERIVED_COLUMNS: readonly ColumnKey[] = ["dueDate", "late"];

export const responsibleKey = (side: string): ResponsibleColumnKey => `responsible:${side}`;
export const sideOfKey = (key: ColumnKey): string | null =>
  key.startsWith("responsible:") ? key.slice("responsible:".length) : null;

export function columnKeys(sides: readonly string[]): ColumnKey[] {
  const responsible = sides.map(responsibleKey);
  const deadlineAt = FIXED_COLUMN_KEYS.indexOf("deadline");
  return [...FIXED_COLUMN_KEYS.slice(0, deadlineAt), ...responsible, ...FIXED_COLUMN_KEYS.slice(deadlineAt)];
}

export function headerOf(key: ColumnKey, lang: Language): string {
  const side = sideOfKey(key);
  return side === null ? HEADERS[key as FixedColumnKey][lang] : `${RESPONSIBLE_HEADER[lang]} ${side}`;
}

const normalizeHeader = (header: string) => header.trim().toLocaleLowerCase().replace(/\s+/g, " ");

/** The column a header names, in any of the three languages; null for a column IGC Desk does not know. */
export function columnKeyOfHeader(header: string): ColumnKey | null {
  const wanted = normalizeHeader(header);
  for (const key of FIXED_COLUMN_KEYS) {
    if (LANGUAGES.some((lang) => normalizeHeader(HEADERS[key][lang]) === wanted)) return key;
  }
  for (const lang of LANGUAGES) {
    const prefix = `${normalizeHeader(RESPONSIBLE_HEADER[lang])} `;
    const side = wanted.startsWith(prefix) ? wanted.slice(prefix.length).toUpperCase() : "";
    if (/^[A-Z]{2}$/.test(side)) return responsibleKey(side);
  }
  return null;
}

/** Names of several organisations in one cell. */
export const NAME_SEPARATOR = "; ";
