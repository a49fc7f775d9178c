import type { Commitment } from "../../shared/api/commitments.ts";
import type { Language, LocalizedText } from "../../shared/i18n-text.ts";
import { countryName } from "../text/countries.ts";
import { formatDeadline } from "../text/dates.ts";
import { localize } from "../text/localize.ts";
import { azerbaijaniOrdinal, englishOrdinal } from "../text/ordinals.ts";
import { LATE_LABEL, STATUS_LABELS } from "../text/status-labels.ts";
import type { CalendarEntry } from "./calendar.ts";

export type CalendarSession = {
  id: string;
  number: number;
  commission: LocalizedText;
  hostCountry: string;
  city: LocalizedText | null;
  startsOn: string | null;
  endsOn: string | null;
  status: "planned" | "dates_agreed" | "held";
};

const SESSION_TITLES: Record<Language, (n: number, commission: string) => string> = {
  ru: (n, commission) => `${n}-е заседание: ${commission}`,
  en: (n, commission) => `${englishOrdinal(n)} session: ${commission}`,
  az: (n, commission) => `${azerbaijaniOrdinal(n)} iclas: ${commission}`,
};
const DEADLINE_WORD: Record<Language, string> = { ru: "Срок", en: "Deadline", az: "Müddət" };
const RESPONSIBLE_WORD: Record<Language, string> = { ru: "Ответственные", en: "Responsible", az: "Məsul" };
const STATUS_WORD: Record<Language, string> = { ru: "Статус", en: "Status", az: "Status" };
const TENTATIVE_NOTE: Record<Language, string> = {
  ru: "Даты предварительные: согласуются по дипломатическим каналам.",
  en: "Tentative dates: being agreed through diplomatic channels.",
  az: "Tarixlər ilkindir: diplomatik kanallar vasitəsilə razılaşdırılır.",
};
const TITLE_TEXT_LENGTH = 90;

function shorten(text: string): string {
  return text.length <= TITLE_TEXT_LENGTH ? text : `${text.slice(0, TITLE_TEXT_LENGTH - 1).trimEnd()}…`;
}

/**
 * Sessions with dates, TENTATIVE while only planned and CONFIRMED once the dates are agreed or it was held.
 * A session without dates has no day to put it on and is left out.
 */
export function sessionEntries(sessions: readonly CalendarSession[], lang: Language): CalendarEntry[] {
  return sessions.flatMap((session): CalendarEntry[] => {
    if (!session.startsOn) return [];
    const tentative = session.status === "planned";
    const country = countryName(session.hostCountry, lang);
    return [
      {
        uid: `session-${session.id}@igc-desk`,
        title: SESSION_TITLES[lang](session.number, localize(session.commission, lang)),
        description: tentative ? TENTATIVE_NOTE[lang] : "",
        location: session.city ? `${localize(session.city, lang)}, ${country}` : country,
        firstDay: session.startsOn,
        lastDay: session.endsOn ?? session.startsOn,
        status: tentative ? "TENTATIVE" : "CONFIRMED",
        categories: [],
      },
    ];
  });
}

/** Every commitment with a due date and still expected (not dropped), on its due date; late ones say so. */
export function deadlineEntries(commitments: readonly Commitment[], lang: Language): CalendarEntry[] {
  return commitments.flatMap((c): CalendarEntry[] => {
    if (!c.dueDate || c.status === "dropped") return [];
    const text = localize(c.text, lang);
    const label = `${DEADLINE_WORD[lang]}${c.itemNumber ? ` ${c.itemNumber}` : ""}: ${shorten(text)}`;
    const responsible = c.responsible.map((r) => `${r.side} — ${localize(r.name, lang)}`).join("; ");
    return [
      {
        uid: `commitment-${c.id}@igc-desk`,
        title: c.overdue ? `${LATE_LABEL[lang].toLocaleUpperCase(lang)} — ${label}` : label,
        description: [
          text,
          ...(responsible ? [`${RESPONSIBLE_WORD[lang]}: ${responsible}`] : []),
          `${DEADLINE_WORD[lang]}: ${c.deadline ? formatDeadline(c.deadline, lang) : c.dueDate}`,
          `${STATUS_WORD[lang]}: ${STATUS_LABELS[lang][c.status]}, ${c.progress}%${c.overdue ? ` (${LATE_LABEL[lang]})` : ""}`,
        ].join("\n"),
        location: null,
        firstDay: c.dueDate,
        lastDay: c.dueDate,
        status: "CONFIRMED",
        categories: c.overdue ? ["deadline", "late"] : ["deadline"],
      },
    ];
  });
}
