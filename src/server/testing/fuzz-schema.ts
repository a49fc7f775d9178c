// Valid-ish values from the JSON schemas of the OpenAPI document: close enough to what a route accepts that many of
// them pass validation and reach the services, so the mutations in fuzz-values.ts start from somewhere interesting.
import fc from "fast-check";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type SchemaContext = {
  /** `#/components/schemas/X` → its schema. */
  resolve: (ref: string) => JsonSchema;
  /** Ids of real records for a field (by its name, e.g. `sessionId`), else of any record. */
  idsFor: (field: string | undefined) => readonly string[];
};

/** Past this depth objects lose their optional fields and arrays stay empty, so generation always ends. */
const MAX_DEPTH = 6;
/** Generated strings stay short; huge strings are the mutations' job. */
const LONGEST_STRING = 60;

export function arbitraryFromSchema(
  schema: JsonSchema,
  context: SchemaContext,
  field?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFromSchema(context.resolve(schema.$ref), context, field, depth);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryFromSchema(s, context, field, depth)));
  if (schema.allOf) return arbitraryFromSchema(mergeAll(schema.allOf, context), context, field, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => arbitraryOfType(type, schema, context, field, depth)));
}

function arbitraryOfType(
  type: string,
  schema: JsonSchema,
  context: SchemaContext,
  field: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return stringArbitrary(schema, context, field);
    case "integer": {
      const min = lowerBound(schema) ?? -1000;
      const max = schema.maximum ?? 1_000_000;
      // Near the minimum most of the time: versions start at 1, session numbers are small.
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 3) }), fc.integer({ min, max }));
    }
    case "number":
      return fc.double({
        min: lowerBound(schema) ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return arrayArbitrary(schema, context, field, depth);
    case "object":
      return objectArbitrary(schema, context, depth);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function lowerBound(schema: JsonSchema): number | undefined {
  if (schema.exclusiveMinimum !== undefined) return schema.exclusiveMinimum + 1;
  return schema.minimum;
}

function stringArbitrary(schema: JsonSchema, context: SchemaContext, field: string | undefined): fc.Arbitrary<string> {
  switch (schema.format) {
    case "uuid": {
      const ids = context.idsFor(field);
      return ids.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, fc.uuid()) : fc.uuid();
    }
    case "date":
      return dateArbitrary.map((d) => d.toISOString().slice(0, 10));
    case "date-time":
      return dateArbitrary.map((d) => d.toISOString());
    case "email":
      return fc.emailAddress();
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? LONGEST_STRING, LONGEST_STRING));
  if (schema.pattern) {
    const matching = fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
    const plausible = PLAUSIBLE_BY_PATTERN[schema.pattern];
    return plausible ? fc.oneof({ arbitrary: fc.constantFrom(...plausible), weight: 3 }, matching) : matching;
  }
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: "grapheme" }),
    // Control characters pass most schemas, and PostgreSQL refuses NUL in text and JSON.
    fc
      .tuple(
        fc.string({ maxLength: 5 }),
        fc.constantFrom("\u0000", "\u0007", "\r\n", "\ufeff"),
        fc.string({ maxLength: 5 }),
      )
      .map((parts) => parts.join(""))
      .filter((s) => s.length >= minLength && s.length <= maxLength),
    fc
      .constantFrom("Кыргызстан", "Azərbaycan", "2026-Q4", "ongoing", "SOCAR")
      .filter((s) => s.length >= minLength && s.length <= maxLength),
  );
}

/** Values that mean something here (the demo commission's countries, currencies, languages). */
const PLAUSIBLE_BY_PATTERN: Record<string, string[]> = {
  "^[A-Z]{2}$": ["AZ", "KG"],
  "^[A-Z]{3}$": ["USD", "AZN", "KGS"],
  "^[a-z]{2}$": ["ru", "en", "az"],
};

const dateArbitrary = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2040-12-31T00:00:00Z"),
  noInvalidDate: true,
});

function arrayArbitrary(schema: JsonSchema, context: SchemaContext, field: string | undefined, depth: number) {
  if (schema.prefixItems) {
    return fc.tuple(...schema.prefixItems.map((s) => arbitraryFromSchema(s, context, field, depth + 1)));
  }
  const minLength = schema.minItems ?? 0;
  const maxLength = depth >= MAX_DEPTH ? minLength : Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
  return fc.array(arbitraryFromSchema(schema.items ?? {}, context, field, depth + 1), { minLength, maxLength });
}

function objectArbitrary(schema: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const keys = Object.keys(properties).filter((key) => depth < MAX_DEPTH || required.includes(key));
  const known = fc.record(
    Object.fromEntries(keys.map((key) => [key, arbitraryFromSchema(properties[key] ?? {}, context, key, depth + 1)])),
    { requiredKeys: required.filter((key) => keys.includes(key)) },
  );
  const extra = schema.additionalProperties;
  if (typeof extra !== "object" || keys.length > 0) return known;
  // A map such as `secretariats: { AZ: …, KG: … }`: keys are mostly country codes.
  const mapKey = fc.oneof(fc.constantFrom("AZ", "KG", "RU", "ru", "en", "az"), fc.string({ maxLength: 8 }));
  return fc.dictionary(mapKey, arbitraryFromSchema(extra, context, undefined, depth + 1), { maxKeys: 3 });
}

function mergeAll(schemas: JsonSchema[], context: SchemaContext): JsonSchema {
  const merged: JsonSchema = { properties: {}, required: [] };
  for (const part of schemas.map((s) => (s.$ref ? context.resolve(s.$ref) : s))) {
    const { properties, required, ...rest } = part;
    Object.assign(merged, rest);
    Object.assign(merged.properties as object, properties);
    merged.required?.push(...(required ?? []));
  }
  return merged;
}
