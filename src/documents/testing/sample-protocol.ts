import { SECTOR_CODES } from "../../shared/sectors.ts";
import type { Agreement, ProtocolData } from "../protocol/protocol-data.ts";

/** Texts with every Azerbaijani letter that Latin-1 lacks and Cyrillic, to check that nothing is lost on the way. */
export const AZERBAIJANI_LETTERS = "ə ğ ı ö ş ü ç Ə Ğ İ Ö Ş Ü Ç";
export const SAMPLE_AZ_TEXT = "Gəncə–Oş ticarət əlaqələrinin gücləndirilməsi, şərti öhdəliklər üçün çıxış";
export const SAMPLE_RU_TEXT = "Изучить возможность создания торгово-логистического центра «Шёлковый путь»";

const SECTORS = SECTOR_CODES.slice(0, 8);

function sampleAgreement(i: number): Agreement {
  return {
    sector: SECTORS[i % SECTORS.length] ?? "trade",
    text: {
      ru: `${SAMPLE_RU_TEXT} (пункт ${i + 1})`,
      en: `Study the possibility of establishing a trade and logistics centre (item ${i + 1})`,
      az: `${SAMPLE_AZ_TEXT} (${i + 1})`,
    },
    responsible: [
      {
        side: "AZ",
        name: {
          ru: "Министерство экономики Азербайджанской Республики",
          en: "Ministry of Economy",
          az: "İqtisadiyyat Nazirliyi",
        },
      },
      {
        side: "KG",
        name: {
          ru: "Министерство экономики и коммерции Кыргызской Республики",
          en: "Ministry of Economy and Commerce",
        },
      },
    ],
    deadline: ["2026-Q3", "2026-06-30", "ongoing", null, "2027"][i % 5] ?? null,
  };
}

/** A protocol of the Azerbaijan–Kyrgyzstan commission with as many agreements as asked for. */
export function sampleProtocol(agreementCount: number): ProtocolData {
  return {
    commission: {
      name: {
        ru: "Совместная межправительственная комиссия по экономическому сотрудничеству между Азербайджаном и Кыргызстаном",
        en: "Azerbaijan–Kyrgyzstan Joint Intergovernmental Commission on Economic Cooperation",
        az: "Azərbaycan–Qırğızıstan Hökumətlərarası Komissiyası",
      },
      countries: ["AZ", "KG"],
    },
    session: {
      number: 6,
      hostCountry: "AZ",
      city: { ru: "Баку", en: "Baku", az: "Bakı" },
      startsOn: "2025-12-08",
      endsOn: null,
    },
    recordedTitle: null,
    signedOn: "2025-12-08",
    coChairs: [
      {
        side: "AZ",
        name: { ru: "Самир Шарифов", en: "Samir Sharifov", az: "Samir Şərifov" },
        position: {
          ru: "заместитель премьер-министра Азербайджанской Республики",
          en: "Deputy Prime Minister of the Republic of Azerbaijan",
          az: "Azərbaycan Respublikasının Baş nazirinin müavini",
        },
      },
      {
        side: "KG",
        name: { ru: "Бакыт Торобаев", en: "Bakyt Torobaev", az: "Bakıt Torobayev" },
        position: {
          ru: "заместитель председателя Кабинета министров Кыргызской Республики",
          en: "Deputy Chairman of the Cabinet of Ministers of the Kyrgyz Republic",
        },
      },
    ],
    agreements: Array.from({ length: agreementCount }, (_, i) => sampleAgreement(i)),
    nextSession: null,
  };
}
