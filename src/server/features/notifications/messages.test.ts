import { describe, expect, it } from "vitest";
import {
  type CommitmentSummary,
  commitmentPath,
  digestMessage,
  emailTextOf,
  publicLink,
  reminderMessage,
  statusChangeMessage,
} from "./messages.ts";

const commitment: CommitmentSummary & { dueDate: string } = {
  id: "7d7d0c52-8d1f-4a53-9b0e-8b1c4f7a1a01",
  itemNumber: "3.2",
  text: { en: "Open a trading house in Bishkek", ru: "Открыть торговый дом в Бишкеке" },
  commissionName: { en: "AZ–KG commission", ru: "Азербайджано-кыргызская МПК" },
  sessionNumber: 5,
  dueDate: "2026-07-08",
  status: "in_progress",
  progress: 40,
};

describe("messages", () => {
  it("write a reminder in English, then Russian, with the number of days agreeing in Russian", () => {
    const days = (daysLeft: number) =>
      reminderMessage({ recipientName: "Aida Mammadova", commitment, daysLeft }).subject;
    expect(days(7)).toBe("Due in 7 days: agreement 3.2 · Срок через 7 дней: договорённость 3.2");
    expect(days(3)).toBe("Due in 3 days: agreement 3.2 · Срок через 3 дня: договорённость 3.2");
    expect(days(1)).toBe("Due tomorrow: agreement 3.2 · Срок завтра: договорённость 3.2");
    expect(days(0)).toBe("Due today: agreement 3.2 · Срок сегодня: договорённость 3.2");

    const { body } = reminderMessage({ recipientName: null, commitment, daysLeft: 7 });
    const [english, russian] = body.split("— — —");
    expect(english).toContain("Hello,");
    expect(english).toContain("is due in 7 days (8 July 2026).");
    expect(english).toContain("AZ–KG commission, session 5, item 3.2");
    expect(english).toContain("Status: in progress, 40%");
    expect(russian).toContain("— через 7 дней (8 июля 2026 г.).");
    expect(russian).toContain("Азербайджано-кыргызская МПК, 5-е заседание, пункт 3.2");
    expect(russian).toContain("Открыть торговый дом в Бишкеке");
  });

  it("name an item without a number by the start of its text, in the other language when one is missing", () => {
    const unnumbered = { ...commitment, itemNumber: null, text: { ru: "Провести бизнес-форум в Баку" } };
    const { subject, body } = reminderMessage({ recipientName: null, commitment: unnumbered, daysLeft: 1 });
    expect(subject).toBe(
      "Due tomorrow: agreement «Провести бизнес-форум в Баку» · Срок завтра: договорённость «Провести бизнес-форум в Баку»",
    );
    expect(body.split("— — —")[0]).toContain("Провести бизнес-форум в Баку");
  });

  it("list a digest's items in the order given, each with its link, flagging late ones", () => {
    const items = [
      { ...commitment, dueDate: "2026-06-20", late: true, link: "https://igc.example.org/commitments/a" },
      { ...commitment, itemNumber: "4.1", dueDate: null, late: false, link: "https://igc.example.org/commitments/b" },
    ];
    const { subject, body } = digestMessage({ recipientName: "Aida", week: "2026-W27", items });
    expect(subject).toContain("Weekly digest 2026-W27: 2 open agreements, 1 late");
    expect(body).toContain("1. [LATE] AZ–KG commission, session 5, item 3.2 — due 20 June 2026");
    expect(body).toContain("2. AZ–KG commission, session 5, item 4.1 — no due date");
    expect(body).toContain("1. [ПРОСРОЧЕНО] Азербайджано-кыргызская МПК, 5-е заседание, пункт 3.2 — срок 20 июня 2026");
    expect(body.indexOf("/commitments/a")).toBeLessThan(body.indexOf("/commitments/b"));
  });

  it("tell a status change once in each language and quote the reporter's text once", () => {
    const { subject, body } = statusChangeMessage(commitment, {
      commitmentId: commitment.id,
      statusUpdateId: "u1",
      kind: "side_report",
      side: "KG",
      actorName: "Bakyt",
      previous: { status: "in_progress", progress: 40 },
      next: { status: "done", progress: 100 },
      text: "Opened on 1 July.",
    });
    expect(subject).toBe(
      "Status changed: agreement 3.2 — in progress, 40% → done, 100% · Изменён статус: договорённость 3.2 — в работе, 40% → выполнено, 100%",
    );
    expect(body).toContain("Report of side KG from Bakyt:");
    expect(body).toContain("Отчёт стороны KG от Bakyt:");
    expect(body.match(/Opened on 1 July\./g)).toHaveLength(1);
  });

  it("end an e-mail with the absolute link to the page the message is about", () => {
    expect(publicLink("https://igc.example.org/desk/", commitmentPath("c1"))).toBe(
      "https://igc.example.org/desk/commitments/c1",
    );
    expect(emailTextOf({ body: "Text", link: "/commitments/c1" }, "http://localhost:3000")).toBe(
      "Text\n\nhttp://localhost:3000/commitments/c1",
    );
    expect(emailTextOf({ body: "Digest", link: null }, "http://localhost:3000")).toBe("Digest");
  });
});
