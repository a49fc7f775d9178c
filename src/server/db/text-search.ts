import { type RawBuilder, sql } from "kysely";

/**
 * Full-text match of a stored tsvector against what a person typed, stemmed in Russian and English and read
 * as-is (`simple`, for Azerbaijani, codes and names), so «сотрудничество» finds «сотрудничества».
 */
export function matchesText(column: RawBuilder<unknown>, q: string): RawBuilder<boolean> {
  return sql<boolean>`${column} @@ (websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

/** Words as typed, each matched as a prefix (`Шариф` finds `Шарифов`); null when nothing searchable is left. */
export function prefixQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.map((w) => `${w.toLowerCase()}:*`).join(" & ");
}
