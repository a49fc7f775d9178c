import { capitalOf, cityNominative, findCityMentions } from "../lexicon/cities.ts";
import { findCountryMentions } from "../lexicon/countries.ts";
import type { TextPiece } from "../text/segment.ts";
import type { Span } from "../types.ts";

export interface PlaceReading {
  city: string | null;
  country: string | null;
  span: Span;
  confidence: number;
}

// "в туркменской столице", "in the Turkmen capital", "в столице Туркменистана", "in the capital of Turkmenistan".
const CAPITAL_BY_ADJECTIVE = /(?<!\p{L})(?:в|in\s+the)\s+([\p{L}-]+)\s+(?:столиц\p{L}*|capital)(?!\p{L})/iu;
const CAPITAL_OF = /(?<!\p{L})(?:в\s+столиц\p{L}*|in\s+the\s+capital\s+of)\s+((?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?)/iu;
// "в городе Шуша", "в г. Шуше", "in the city of Shusha": a city the gazetteer may not know.
const CITY_WORD = /(?<!\p{L})(?:в\s+городе|в\s+г\.|г\.|город|in\s+the\s+city\s+of|city\s+of)\s*(\p{Lu}[\p{L}-]+)/u;
// "в Кыргызстане", "in Georgia": a country as a place rather than a side.
const IN_BEFORE = /(?:^|[\s(])(?:в|во|in|to)\s+(?:the\s+)?(?:Республик\p{L}*\s+|Republic\s+of\s+(?:the\s+)?)?$/iu;

/** The city (and its country) where the piece places things, or the country alone when no city is named. */
export function readPlace(piece: TextPiece, language: "ru" | "en"): PlaceReading | null {
  const cities = findCityMentions(piece.text, piece.start);
  const placed = cities.find((c) => IN_BEFORE.test(piece.text.slice(0, c.start - piece.start))) ?? cities[0];
  if (placed) return { city: placed.name, country: placed.country, span: [placed.start, placed.end], confidence: 0.9 };

  const capital = CAPITAL_BY_ADJECTIVE.exec(piece.text) ?? CAPITAL_OF.exec(piece.text);
  if (capital?.[1]) {
    const country = findCountryMentions(capital[1])[0]?.code;
    const city = country ? capitalOf(country, language) : null;
    if (country && city) {
      const start = piece.start + capital.index;
      return { city, country, span: [start, start + capital[0].length], confidence: 0.8 };
    }
  }

  const named = CITY_WORD.exec(piece.text);
  if (named?.[1]) {
    const start = piece.start + named.index;
    const city = cityNominative(named[1]);
    return { city, country: null, span: [start, start + named[0].length], confidence: 0.6 };
  }

  const country = findCountryMentions(piece.text, piece.start).find(
    (m) => IN_BEFORE.test(piece.text.slice(0, m.start - piece.start)) && /^\p{Lu}/u.test(m.text),
  );
  if (country) return { city: null, country: country.code, span: [country.start, country.end], confidence: 0.7 };
  return null;
}
