import type { TextPiece } from "../text/segment.ts";
import type { ProgrammeFact } from "../types.ts";
import { chooseSector, findSectorHits, type SectorContext } from "./sectors.ts";

const YEAR = "((?:19|20)\\d{2})";
const RANGE = `${YEAR}\\s*(?:[-–—]|до|to)\\s*${YEAR}`;
// "программа сотрудничества на 2024–2029 годы", "Дорожной карты … на 2024–2025 годы", "Programme for 2024-2029".
const HEAD =
  "(?:[Пп]рограмм|[Дд]орожн\\p{L}*\\s+карт|[Пп]лан\\p{L}*\\s+(?:действий|мероприятий|сотрудничества)|[Сс]тратеги|[Кк]онцепци|[Pp]rogram(?:me)?|[Rr]oad\\s?map|[Aa]ction\\s+[Pp]lan|[Ss]trategy|[Cc]oncept)";
const HEAD_FIRST = new RegExp(
  `${HEAD}\\p{L}*(?:\\s+(?!(?:на|for|in|of)\\s+(?:период\\s+|the\\s+(?:period|years)\\s+)?(?:19|20)\\d{2})[^\\s.;:!?]+){0,12}?\\s+(?:на|for|in|of|в)\\s+(?:период\\s+|the\\s+(?:period|years)\\s+)?${RANGE}(?:\\s*(?:годы|годов|года|гг\\.?|years))?`,
  "gu",
);
// "the 2024–2029 Cooperation Programme".
const YEARS_FIRST = new RegExp(`${RANGE}\\s+(?:годы\\s+|гг\\.?\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${HEAD}\\p{L}*`, "gu");

/** Programmes and roadmaps in the piece; `context` is asked for only when one is found. */
export function findProgrammes(piece: TextPiece, context: () => SectorContext[]): ProgrammeFact[] {
  const found: ProgrammeFact[] = [];
  for (const regex of [HEAD_FIRST, YEARS_FIRST]) {
    for (const m of piece.text.matchAll(regex)) {
      const years = [...m[0].matchAll(/(?:19|20)\d{2}/g)].map((y) => Number(y[0]));
      const [startYear, endYear] = years.slice(-2);
      if (startYear === undefined || endYear === undefined || endYear < startYear) continue;
      const start = piece.start + m.index;
      if (found.some((p) => p.span[0] < start + m[0].length && start < p.span[1])) continue;
      const name = m[0].replace(/[«»"“”]/g, "");
      found.push({
        name,
        start_year: startYear,
        end_year: endYear,
        sector: chooseSector(findSectorHits(name), context()),
        span: [start, start + m[0].length],
        confidence: 0.85,
      });
    }
  }
  return found;
}
