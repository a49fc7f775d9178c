import type { CommitmentStatus } from "../../../shared/deadline.ts";
import { type LocalizedText, pickText } from "../../../shared/i18n-text.ts";
import type { StatusChangeEvent } from "./outbox.ts";
import { MESSAGE_LANGUAGES, type MessageLanguage, PHRASES, type Phrases } from "./phrases.ts";

export type MessageText = { subject: string; body: string };

/** What a message says about one commitment. */
export type CommitmentSummary = {
  id: string;
  itemNumber: string | null;
  text: LocalizedText;
  commissionName: LocalizedText;
  sessionNumber: number;
  dueDate: string | null;
  status: CommitmentStatus;
  progress: number;
};

/** The app's page of a commitment; the in-app inbox links to it, e-mails to it under the public address. */
export function commitmentPath(commitmentId: string): string {
  return `/commitments/${commitmentId}`;
}

export function publicLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${path}`;
}

/** The e-mail text: the message, then its link made absolute so that it opens from a mail client. */
export function emailTextOf(message: { body: string; link: string | null }, publicUrl: string): string {
  return message.link === null ? message.body : `${message.body}\n\n${publicLink(publicUrl, message.link)}`;
}

const SECTION_BREAK = "\n\n— — —\n\n";

/** One message in every language: subjects joined on one line, bodies one after the other. */
function inEveryLanguage(render: (p: Phrases, lang: MessageLanguage) => MessageText): MessageText {
  const versions = MESSAGE_LANGUAGES.map((lang) => render(PHRASES[lang], lang));
  return {
    subject: versions.map((v) => v.subject).join(" · "),
    body: versions.map((v) => v.body).join(SECTION_BREAK),
  };
}

function textIn(text: LocalizedText, lang: MessageLanguage): string {
  return pickText(text, lang)?.value ?? "";
}

function formatDay(p: Phrases, day: string): string {
  return p.date.format(new Date(`${day}T00:00:00Z`));
}

function excerpt(text: string, maxLength = 60): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}

/** "agreement 3.2", or the beginning of its text when the protocol gave it no number. */
function agreementLabel(c: CommitmentSummary, p: Phrases, lang: MessageLanguage): string {
  return c.itemNumber ? `${p.agreement} ${c.itemNumber}` : `${p.agreement} «${excerpt(textIn(c.text, lang))}»`;
}

function whereAgreed(c: CommitmentSummary, p: Phrases, lang: MessageLanguage): string {
  const session = p.session(textIn(c.commissionName, lang), c.sessionNumber);
  return c.itemNumber ? `${session}, ${p.item(c.itemNumber)}` : session;
}

function statusOf(p: Phrases, state: { status: CommitmentStatus; progress: number }): string {
  return `${p.statusNames[state.status]}, ${state.progress}%`;
}

/** The commitment as a message shows it: where it was agreed, its text and its status (or change of status). */
function describeCommitment(
  c: CommitmentSummary,
  p: Phrases,
  lang: MessageLanguage,
  indent: string,
  status = statusOf(p, c),
): string[] {
  return [`${indent}${textIn(c.text, lang)}`, `${indent}${p.statusLabel}: ${status}`];
}

export function reminderMessage(input: {
  recipientName: string | null;
  commitment: CommitmentSummary & { dueDate: string };
  daysLeft: number;
}): MessageText {
  const c = input.commitment;
  return inEveryLanguage((p, lang) => {
    const when = p.whenDue(input.daysLeft);
    const body = [
      p.greeting(input.recipientName),
      "",
      p.reminderLead(when, formatDay(p, c.dueDate)),
      "",
      `  ${whereAgreed(c, p, lang)}`,
      ...describeCommitment(c, p, lang, "  "),
      "",
      p.reminderAction,
    ];
    return { subject: p.reminderSubject(when, agreementLabel(c, p, lang)), body: body.join("\n") };
  });
}

export type DigestItem = CommitmentSummary & { late: boolean; link: string };

/** The week's list of a focal point's open agreements, in the order given (nearest deadline first). */
export function digestMessage(input: { recipientName: string | null; week: string; items: DigestItem[] }): MessageText {
  const lateCount = input.items.filter((i) => i.late).length;
  return inEveryLanguage((p, lang) => {
    const entries = input.items.map((item, index) => {
      const flag = item.late ? `${p.lateFlag} ` : "";
      const due = item.dueDate ? p.due(formatDay(p, item.dueDate)) : p.noDueDate;
      return [
        `${index + 1}. ${flag}${whereAgreed(item, p, lang)} — ${due}`,
        ...describeCommitment(item, p, lang, "   "),
        `   ${item.link}`,
      ].join("\n");
    });
    const body = [p.greeting(input.recipientName), "", p.digestIntro, "", entries.join("\n\n")];
    return { subject: p.digestSubject(input.week, input.items.length, lateCount), body: body.join("\n") };
  });
}

/** The reporter's own words close the message once, in the language they were written in. */
export function statusChangeMessage(commitment: CommitmentSummary, event: StatusChangeEvent): MessageText {
  const message = inEveryLanguage((p, lang) => {
    const change = `${statusOf(p, event.previous)} → ${statusOf(p, event.next)}`;
    const body = [
      `${p.reporter(event)}:`,
      "",
      `  ${whereAgreed(commitment, p, lang)}`,
      ...describeCommitment(commitment, p, lang, "  ", change),
    ];
    return { subject: `${p.statusChanged}: ${agreementLabel(commitment, p, lang)} — ${change}`, body: body.join("\n") };
  });
  return { subject: message.subject, body: `${message.body}${SECTION_BREAK}${event.text}` };
}
