import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxText, pdfText } from "../../../documents/testing/file-readers.ts";
import type { Database } from "../../db/client.ts";
import { makeCommission, makeCommitment, makeOrganization, makeSession } from "../../testing/factories.ts";
import { createTestApp, jsonRequest } from "../../testing/test-app.ts";
import { openTestDatabase } from "../../testing/test-database.ts";
import { SYSTEM_ACTOR } from "../audit.ts";
import { azKgCommission } from "../demo/az-kg.ts";
import { loadDemoCommission } from "../demo/demo.service.ts";

// Every file is read back with a reader IGC Desk does not write with: mammoth for DOCX, unpdf for PDF.
let database: Database & { drop: () => Promise<void> };
let app: ReturnType<typeof createTestApp>;
let session6: string;
let session7: string;

const AZERBAIJANI = "Gəncə şəhərində ipək yolu üzrə ticarət əlaqələrinin gücləndirilməsi, Ağdaş və Oğuz çıxışı";

beforeAll(async () => {
  database = await openTestDatabase();
  app = createTestApp(database);
  const commissionId = await loadDemoCommission(database.db, azKgCommission, SYSTEM_ACTOR);
  const sessions = await database.db
    .selectFrom("sessions")
    .select(["id", "number"])
    .where("commission_id", "=", commissionId)
    .execute();
  session6 = sessions.find((s) => s.number === 6)?.id ?? "";
  session7 = sessions.find((s) => s.number === 7)?.id ?? "";
});
afterAll(() => database.drop());

async function download(path: string, init?: RequestInit): Promise<{ bytes: ArrayBuffer; headers: Headers }> {
  const res = await app.request(path, init);
  expect(res.status, `${path}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
  return { bytes: await res.arrayBuffer(), headers: res.headers };
}

describe("the protocol of the demo's 6th session", () => {
  it("as DOCX in Russian: title, place and date, co-chairs, sections by sector, deadlines, next session, signatures", async () => {
    const { bytes, headers } = await download(`/api/sessions/${session6}/protocol.docx?lang=ru`);
    expect(headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''protocol-session-6-AZ-KG-ru.docx");
    const text = await docxText(bytes);
    expect(text).toContain("ПРОТОКОЛ");
    expect(text).toContain("6-го заседания Совместной межправительственной комиссии");
    expect(text).toContain("8 декабря 2025 г.");
    expect(text).toContain("от Азербайджана — Самир Шарифов, заместитель премьер-министра Азербайджанской Республики");
    expect(text).toMatch(/1\. Торговля\s+1\.1\. Изучить возможность создания торгово-логистического центра/);
    expect(text).toContain("Срок: III квартал 2026 г.");
    expect(text).toContain("Кыргызстан — Министерство экономики и коммерции Кыргызской Республики");
    expect(text).toContain(
      "провести 7-е заседание Комиссии на территории Кыргызстана в сроки, которые будут согласованы по дипломатическим каналам",
    );
    expect(text).toContain("Совершено в городе Баку 8 декабря 2025 г. в двух подлинных экземплярах");
    expect(text).toContain("Сопредседатель Комиссии");
    expect(text).toContain("Бакыт Торобаев");
  });

  it("as PDF in Russian and English side by side, with the closing formula naming both languages", async () => {
    const { bytes, headers } = await download(`/api/sessions/${session6}/protocol.pdf?lang=ru&lang2=en`);
    expect(headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(bytes);
    expect(text).toContain("ПРОТОКОЛ");
    expect(text).toContain("PROTOCOL");
    expect(text).toContain("каждый на русском и английском языках");
    expect(text).toContain("each in the Russian and English languages, both texts being equally authentic");
    expect(text).toContain("Samir Sharifov");
    expect(text).toContain("Самир Шарифов");
  });

  it("rejects the same language twice and answers 404 for an unknown session", async () => {
    const same = await app.request(`/api/sessions/${session6}/protocol.pdf?lang=en&lang2=en`);
    expect(same.status).toBe(400);
    const missing = await app.request("/api/sessions/00000000-0000-4000-8000-000000000000/protocol.docx");
    expect(missing.status).toBe(404);
  });
});

describe("Azerbaijani and Cyrillic letters", () => {
  it("come back intact from the Azerbaijani protocol in DOCX and PDF", async () => {
    const commission = await makeCommission(database.db, {
      name: { az: "Azərbaycan–Qırğızıstan Hökumətlərarası Komissiyası", ru: "Межправительственная комиссия" },
    });
    const session = await makeSession(database.db, commission.id, { number: 3 });
    const ministry = await makeOrganization(database.db, { country: "AZ", name: { az: "İqtisadiyyat Nazirliyi" } });
    const kg = await makeOrganization(database.db, {
      country: "KG",
      name: { ru: "Министерство экономики Кыргызстана" },
    });
    await makeCommitment(database.db, session.id, {
      text: { az: AZERBAIJANI },
      deadline: "2026-Q3",
      responsible: [
        { organizationId: ministry.id, side: "AZ" },
        { organizationId: kg.id, side: "KG" },
      ],
    });
    const docx = await docxText((await download(`/api/sessions/${session.id}/protocol.docx?lang=az`)).bytes);
    const pdf = await pdfText((await download(`/api/sessions/${session.id}/protocol.pdf?lang=az&lang2=ru`)).bytes);
    for (const text of [docx, pdf]) {
      expect(text).toContain(AZERBAIJANI);
      expect(text).toContain("İqtisadiyyat Nazirliyi");
      expect(text).toContain("Azərbaycan–Qırğızıstan Hökumətlərarası Komissiyası");
      expect(text).toContain("2026-cı ilin III rübü");
      // The KG organisation has no Azerbaijani name: its Russian one is given, marked as such.
      expect(text).toContain("[ru] Министерство экономики Кыргызстана");
    }
    expect(pdf).toContain("Межправительственной комиссии");
  });
});

describe("the press release", () => {
  it("is drafted from the session's record in Russian and English", async () => {
    const ru = await (await app.request(`/api/sessions/${session6}/press-release?lang=ru`)).json();
    expect(ru.title).toBe(
      "В городе Баку состоялось 6-е заседание Совместной межправительственной комиссии по экономическому и гуманитарному сотрудничеству между Азербайджаном и Кыргызстаном",
    );
    expect(ru.text).toContain("8 декабря 2025 г. в городе Баку состоялось 6-е заседание");
    expect(ru.text).toContain("договорились о 33 мерах по направлениям: торговля, экология, инвестиции");
    expect(ru.text).toContain("вырос более чем на 94% по сравнению с тем же периодом прошлого года");
    expect(ru.text).toContain("посещение космического агентства «Азеркосмос»");
    const en = await (await app.request(`/api/sessions/${session6}/press-release?lang=en`)).json();
    expect(en.text).toContain("On 8 December 2025, Baku hosted the 6th session");
    expect(en.text).toContain("Bilateral trade in January–October 2025 grew by more than 94% year on year.");
    expect(en.text).toContain("co-chairs signed the Protocol of the 6th session");
  });

  it("is exported as edited to DOCX", async () => {
    const body = { title: "Заседание МПК в Баку", text: "Первый абзац.\n\nВторой абзац: ə ğ ı ö ş ü ç.", lang: "ru" };
    const { bytes } = await download(`/api/sessions/${session6}/press-release.docx`, jsonRequest("POST", body));
    const text = await docxText(bytes);
    expect(text).toContain("Заседание МПК в Баку");
    expect(text).toContain("Первый абзац.");
    expect(text).toContain("Второй абзац: ə ğ ı ö ş ü ç.");
  });
});

describe("the implementation report made at the 7th session on the 6th", () => {
  it("has the summary by sector and status and every commitment with its sides' state, in DOCX and PDF", async () => {
    const docx = await docxText((await download(`/api/sessions/${session7}/implementation-report.docx?lang=ru`)).bytes);
    expect(docx).toContain("ОТЧЁТ");
    expect(docx).toContain("о ходе выполнения решений 6-го заседания");
    expect(docx).toContain("Сводка по секторам и статусам");
    expect(docx).toContain("Итого");
    expect(docx).toContain("Изучить возможность создания торгово-логистического центра");
    expect(docx).toContain("AZPROMO провело бизнес-миссию в Бишкек");
    const pdf = await pdfText((await download(`/api/sessions/${session7}/implementation-report.pdf?lang=en`)).bytes);
    expect(pdf).toContain("REPORT");
    expect(pdf).toContain("Summary by sector and status");
    expect(pdf).toContain("Progress by sector");
    expect(pdf).toContain("Study the possibility of establishing a trade and logistics centre");
  });
});
