import { findCountryMentions } from "../../../extract/lexicon/countries.ts";
import type { ORGANIZATION_KINDS } from "../../../shared/api/organizations.ts";
import { COUNTRIES } from "../../../shared/countries.ts";
import { normalizeName } from "../organizations/organizations.service.ts";

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

const LEGAL_FORM_BEFORE = /^(?:ОАО|ЗАО|ПАО|АО|ООО|НК|ГП|ГУП|OJSC|CJSC|PJSC|JSC|LLC)\s+/iu;
const LEGAL_FORM_AFTER = /\s+(?:OJSC|CJSC|PJSC|JSC|LLC|Ltd\.?|PLC|Inc\.?)$/iu;
const PARENTHESIS = /\s*\(([^()]*)\)\s*/gu;
const ACRONYM = /^[\p{Lu}\d&.-]{2,20}$/u;

/**
 * The names an organisation may be filed under, as written: the name itself, without its acronym in parentheses,
 * the acronym alone («Агентство … (AZPROMO)» → AZPROMO), and without a legal form («ОАО «Кыргызнефтегаз»»).
 */
export function namesOf(name: string): string[] {
  const acronyms = [...name.matchAll(PARENTHESIS)]
    .map((match) => match[1]?.trim() ?? "")
    .filter((inside) => ACRONYM.test(inside));
  const bare = name.replace(PARENTHESIS, " ").trim();
  const withoutLegalForm = bare.replace(LEGAL_FORM_BEFORE, "").replace(LEGAL_FORM_AFTER, "").trim();
  return [...new Set([name, bare, withoutLegalForm, ...acronyms])].filter((n) => n !== "");
}

/** The normalised forms an organisation is matched on (organization_aliases.normalized), the full name first. */
export function aliasKeysOf(name: string): string[] {
  return [...new Set(namesOf(name).map(normalizeName))];
}

// The first of these words in the name is its head noun in Russian («Агентство … при Министерстве …») and, in the
// names protocols use, in English too («Agency … under the Ministry …»). Each matches at the start of a word only.
const KIND_WORDS: [OrganizationKind, string[]][] = [
  ["ministry", ["министерств", "ministry", "nazirliy"]],
  ["government", ["кабинет\\p{L}* министров", "правительств", "cabinet of ministers", "government", "hökumət"]],
  ["chamber", ["палат", "chamber", "palata"]],
  ["fund", ["фонд", "fund"]],
  ["university", ["университет", "академи", "институт", "university", "academy", "institute", "universitet"]],
  [
    "company",
    [
      ...["оао ", "зао ", "пао ", "ао ", "ооо ", "нк ", "компани", "корпораци", "банк", "железн\\p{L}* дорог", "порт"],
      ...["company", "corporation", "bank", "railway", "port", "ojsc", "cjsc", "jsc", "llc"],
    ],
  ],
  [
    "agency",
    [
      ...["агентств", "служб", "комитет", "инспекц", "департамент"],
      ...["agency", "service", "committee", "inspectorate", "department", "agentliy"],
    ],
  ],
];
const KIND_PATTERNS = KIND_WORDS.map(
  ([kind, stems]) => [kind, new RegExp(`(?<!\\p{L})(?:${stems.join("|")})`, "u")] as const,
);

/** What kind of body the name says it is; `other` when no word tells. */
export function kindOf(name: string): OrganizationKind {
  const normalized = normalizeName(name);
  let best: { kind: OrganizationKind; at: number } | null = null;
  for (const [kind, pattern] of KIND_PATTERNS) {
    const at = normalized.search(pattern);
    if (at !== -1 && (best === null || at < best.at)) best = { kind, at };
  }
  return best?.kind ?? "other";
}

/** The one country the name mentions («… Кыргызской Республики» → KG); null for none, or for a joint body of two. */
export function countryOf(name: string): string | null {
  const codes = new Set(findCountryMentions(name).map((mention) => mention.code));
  const [code] = codes;
  return codes.size === 1 && code !== undefined && code in COUNTRIES ? code : null;
}

/** The extractor lists the commission among the bodies it found; it is the commission, not an organisation. */
export function namesTheCommission(name: string): boolean {
  return /межправительственн|intergovernmental|hökumətlərarası/u.test(normalizeName(name));
}
