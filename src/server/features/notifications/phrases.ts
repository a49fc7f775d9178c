import type { CommitmentStatus } from "../../../shared/deadline.ts";
import type { StatusChangeEvent } from "./outbox.ts";

/** Messages are written in both languages of the secretariats' correspondence: English, then Russian. */
export const MESSAGE_LANGUAGES = ["en", "ru"] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** Every wording a message uses, per language; the app calls a commitment an "agreement". */
export type Phrases = {
  agreement: string;
  item: (itemNumber: string) => string;
  session: (commission: string, sessionNumber: number) => string;
  statusLabel: string;
  statusNames: Record<CommitmentStatus, string>;
  date: Intl.DateTimeFormat;
  greeting: (name: string | null) => string;
  /** "today", "tomorrow", "in 5 days". */
  whenDue: (daysLeft: number) => string;
  reminderSubject: (when: string, agreement: string) => string;
  reminderLead: (when: string, date: string) => string;
  reminderAction: string;
  digestSubject: (week: string, count: number, late: number) => string;
  digestIntro: string;
  lateFlag: string;
  due: (date: string) => string;
  noDueDate: string;
  statusChanged: string;
  reporter: (event: StatusChangeEvent) => string;
};

const dateFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const RUSSIAN_PLURALS = new Intl.PluralRules("ru-RU");
const RUSSIAN_DAYS: Partial<Record<Intl.LDMLPluralRule, string>> = { one: "день", few: "дня" };

export const PHRASES: Record<MessageLanguage, Phrases> = {
  en: {
    agreement: "agreement",
    item: (n) => `item ${n}`,
    session: (commission, n) => `${commission}, session ${n}`,
    statusLabel: "Status",
    statusNames: { not_started: "not started", in_progress: "in progress", done: "done", dropped: "dropped" },
    date: dateFormat("en-GB"),
    greeting: (name) => (name ? `Dear ${name},` : "Hello,"),
    whenDue: (days) => (days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`),
    reminderSubject: (when, agreement) => `Due ${when}: ${agreement}`,
    reminderLead: (when, date) => `An agreement your organisation is responsible for is due ${when} (${date}).`,
    reminderAction: "To post an update or mark it done, open the link at the end of this message.",
    digestSubject: (week, count, late) =>
      `Weekly digest ${week}: ${count} open agreement${count === 1 ? "" : "s"}, ${late} late`,
    digestIntro: "The agreements your organisation is responsible for that are not done yet, nearest deadline first:",
    lateFlag: "[LATE]",
    due: (date) => `due ${date}`,
    noDueDate: "no due date",
    statusChanged: "Status changed",
    reporter: (event) => {
      switch (event.kind) {
        case "update":
          return `Update from ${event.actorName}`;
        case "side_report":
          return `Report of side ${event.side ?? "?"} from ${event.actorName}`;
        case "confirmation":
          return `Confirmed by the secretariat (${event.actorName})`;
      }
    },
  },
  ru: {
    agreement: "договорённость",
    item: (n) => `пункт ${n}`,
    session: (commission, n) => `${commission}, ${n}-е заседание`,
    statusLabel: "Статус",
    statusNames: { not_started: "не начато", in_progress: "в работе", done: "выполнено", dropped: "снято" },
    date: dateFormat("ru-RU"),
    greeting: (name) => (name ? `Здравствуйте, ${name}!` : "Здравствуйте!"),
    whenDue: (days) =>
      days === 0
        ? "сегодня"
        : days === 1
          ? "завтра"
          : `через ${days} ${RUSSIAN_DAYS[RUSSIAN_PLURALS.select(days)] ?? "дней"}`,
    reminderSubject: (when, agreement) => `Срок ${when}: ${agreement}`,
    reminderLead: (when, date) =>
      `Срок выполнения договорённости, за которую отвечает ваша организация, — ${when} (${date}).`,
    reminderAction: "Чтобы сообщить о ходе выполнения или отметить выполнение, откройте ссылку в конце письма.",
    digestSubject: (week, count, late) =>
      `Сводка за неделю ${week}: открытых договорённостей — ${count}, просрочено — ${late}`,
    digestIntro:
      "Договорённости, за которые отвечает ваша организация и которые ещё не выполнены (ближайшие сроки — первыми):",
    lateFlag: "[ПРОСРОЧЕНО]",
    due: (date) => `срок ${date}`,
    noDueDate: "срок не указан",
    statusChanged: "Изменён статус",
    reporter: (event) => {
      switch (event.kind) {
        case "update":
          return `Обновление от ${event.actorName}`;
        case "side_report":
          return `Отчёт стороны ${event.side ?? "?"} от ${event.actorName}`;
        case "confirmation":
          return `Подтверждено секретариатом (${event.actorName})`;
      }
    },
  },
};
