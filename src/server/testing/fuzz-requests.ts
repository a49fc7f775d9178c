// Random and malformed requests for one operation of the OpenAPI document: its path parameters, query string and
// body, each either plausible (real ids, values from the schema) or broken in one of the ways clients break them.
import fc from "fast-check";
import type { Access } from "../http/access.ts";
import { arbitraryFromSchema, type JsonSchema, type SchemaContext } from "./fuzz-schema.ts";
import { junkValue, mutationsOf } from "./fuzz-values.ts";

type Parameter = { name: string; in: "path" | "query" | "header" | "cookie"; schema?: JsonSchema };
type RequestBody = { content: Record<string, { schema?: JsonSchema }> };

export type Operation = {
  method: string;
  /** As in the OpenAPI document: `/sessions/{id}/events/{eventId}`. */
  path: string;
  access: Access | undefined;
  parameters: Parameter[];
  body: RequestBody | null;
};

type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { "x-igc-access"?: Access; parameters?: Parameter[]; requestBody?: RequestBody }>
  >;
  components?: { schemas?: Record<string, JsonSchema> };
};

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      access: op["x-igc-access"],
      parameters: op.parameters ?? [],
      body: op.requestBody ?? null,
    })),
  );
}

export type FuzzTarget = {
  schemas: SchemaContext;
  /** Ids of real records for a path parameter (the segment before it names the kind). */
  idsForPathParameter: (path: string, name: string) => readonly string[];
  /** Schemas that multipart text fields carry as JSON (`metadata: DocumentMetadata as JSON text`). */
  jsonTextSchemas: Record<string, JsonSchema>;
};

export type FuzzRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer> | FormData;
};

/** Requests for `op`, printed short when fast-check reports one. */
export function requestsFor(op: Operation, target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const withBody = !["GET", "HEAD"].includes(op.method);
  return (
    fc
      .record({
        path: pathFor(op, target),
        query: queryFor(op, target),
        headers: extraHeaders,
        body: withBody ? bodyFor(op, target) : fc.constant(NO_BODY),
      })
      .map(({ path, query, headers, body }) => {
        const search = new URLSearchParams(query).toString();
        const request: FuzzRequest = {
          method: op.method,
          url: `/api${path}${search ? `?${search}` : ""}`,
          headers: { ...headers, ...body.headers },
          ...(body.body === undefined ? {} : { body: body.body }),
        };
        return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
      })
      // A raw `../../..` can climb out of /api to the web app, which is not what is under test here.
      .filter((request) => new URL(request.url, "http://igc.test").pathname.startsWith("/api/"))
  );
}

export function describeRequest(request: FuzzRequest): string {
  const body =
    request.body instanceof FormData
      ? `form ${[...request.body.entries()].map(([k, v]) => `${k}=${typeof v === "string" ? v : `file ${v.name} (${v.size} B, ${v.type})`}`).join(" & ")}`
      : request.body instanceof Uint8Array
        ? `bytes ${Buffer.from(request.body).toString("hex")}`
        : request.body;
  return shorten(`${request.method} ${request.url} ${JSON.stringify(request.headers)} ${body ?? ""}`, 600);
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

// --- path -------------------------------------------------------------------------------------------------------

const junkSegment = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "..",
    "../",
    "../../../etc/passwd",
    "%",
    "%zz",
    "%00",
    "%2e%2e%2f",
    "null",
    "0",
    "-1",
    "1e309",
    "00000000-0000-0000-0000-000000000000",
    "{00000000-0000-4000-8000-000000000000}",
    "Кыргызстан",
    "\u202egnp.exe",
  ),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.integer({ min: 300, max: 20_000 }).map((n) => "a".repeat(n)),
);

/** A path segment: mostly encoded as a client library would, sometimes raw (`../` then reaches the router as is). */
const anySegment = (real: readonly string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: real.length > 0 ? fc.constantFrom(...real).map(encodeURIComponent) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: junkSegment.map(encodeURIComponent) },
    { weight: 1, arbitrary: junkSegment },
  );

function pathFor(op: Operation, target: FuzzTarget): fc.Arbitrary<string> {
  const names = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const segments = Object.fromEntries(
    names.map((name) => [name, anySegment(target.idsForPathParameter(op.path, name))]),
  );
  return fc.record(segments).map((values) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? ""));
}

// --- query ------------------------------------------------------------------------------------------------------

const junkQueryValue = fc.oneof(
  fc.constantFrom(
    "",
    "1e309",
    "-1",
    "0",
    "99999999999999999999999",
    "NaN",
    "Infinity",
    "0x10",
    "true",
    "[]",
    "{}",
    "null",
    "2026-13-45",
    "%",
  ),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.uuid(),
  fc.integer({ min: 300, max: 5000 }).map((n) => "q".repeat(n)),
);

type QueryPairs = [string, string][];

function queryFor(op: Operation, target: FuzzTarget): fc.Arbitrary<QueryPairs> {
  const params = op.parameters.filter((p) => p.in === "query");
  const plausible = params.map((p) => arbitraryFromSchema(p.schema ?? {}, target.schemas, p.name).map(String));
  /** Each declared key absent or present; with `broken`, a value may be junk or the key repeated. */
  const declared = (broken: boolean) =>
    fc.tuple(
      ...params.map((p, i) => {
        const valid = plausible[i] as fc.Arbitrary<string>;
        const values = broken
          ? fc.oneof(
              { weight: 3, arbitrary: valid.map((v) => [v]) },
              { weight: 2, arbitrary: junkQueryValue.map((v) => [v]) },
              // The same key twice: a query parser may hand an array to a schema expecting one value.
              { weight: 1, arbitrary: fc.array(fc.oneof(valid, junkQueryValue), { minLength: 2, maxLength: 3 }) },
            )
          : valid.map((v) => [v]);
        return fc.option(
          values.map((vs) => vs.map((v): [string, string] => [p.name, v])),
          { nil: [], freq: 2 },
        );
      }),
    );
  const unknownKey = fc.oneof(
    fc.constantFrom("foo", "__proto__", "constructor", "limit[]", "commissionId[0]"),
    fc.string(),
  );
  const unknown = fc.array(fc.tuple(unknownKey, junkQueryValue), { minLength: 1, maxLength: 2 });
  return fc.oneof(
    { weight: 2, arbitrary: declared(false).map((pairs) => pairs.flat()) },
    { weight: 2, arbitrary: declared(true).map((pairs) => pairs.flat()) },
    { weight: 1, arbitrary: fc.tuple(declared(false), unknown).map(([pairs, extra]) => [...pairs.flat(), ...extra]) },
  );
}

// --- headers ----------------------------------------------------------------------------------------------------

const extraHeaders = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        "x-request-id": fc.oneof(fc.string(), fc.constant("x".repeat(500))),
        "x-actor": fc.oneof(fc.string(), fc.constant("%E0%A4%A"), fc.constant("Самир")).map(encodeURI),
        "accept-language": fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
      },
      { requiredKeys: [] },
    ),
  },
);

// --- body -------------------------------------------------------------------------------------------------------

type BodyPart = { headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> | FormData };

const NO_BODY: BodyPart = { headers: {} };
const json = (body: string, contentType = "application/json"): BodyPart => ({
  headers: { "content-type": contentType },
  body,
});

const malformedJson = fc.oneof(
  fc.constantFrom("", "{", '{"a":', "nul", "[1,2", "{}{}", "\u0000", '{"a":1} trailing', "\ufeff{}", "{'a':1}", "[]"),
  fc.string(),
);

/** `{"\xff\xfe": 1}` and other byte sequences that are not UTF-8. */
const invalidUtf8 = fc
  .array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 8 })
  .map((bytes) => new Uint8Array([0x7b, 0x22, ...bytes, 0x22, 0x3a, 0x31, 0x7d]));

const wrongContentType = fc.constantFrom(
  "text/plain",
  "application/x-www-form-urlencoded",
  "application/xml",
  "application/json; charset=utf-16",
  "multipart/form-data; boundary=x",
  "image/png",
);

/** Over the 1 MiB API limit (routes with larger limits get the large-upload tests of their own feature). */
const oversized = fc.constant(null).map(() => `{"text":"${"x".repeat(1_100_000)}"}`);

function bodyFor(op: Operation, target: FuzzTarget): fc.Arbitrary<BodyPart> {
  const content = op.body?.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const formSchema = content["multipart/form-data"]?.schema;
  const variants: fc.WeightedArbitrary<BodyPart>[] = [
    { weight: 1, arbitrary: malformedJson.map((s) => json(s)) },
    {
      weight: 1,
      arbitrary: invalidUtf8.map((bytes) => ({ headers: { "content-type": "application/json" }, body: bytes })),
    },
    { weight: 1, arbitrary: fc.constant(NO_BODY) },
  ];
  if (jsonSchema) {
    const valid = arbitraryFromSchema(jsonSchema, target.schemas);
    variants.push(
      { weight: 4, arbitrary: valid.map((v) => json(JSON.stringify(v))) },
      { weight: 5, arbitrary: mutationsOf(valid).map((v) => json(JSON.stringify(v))) },
      { weight: 1, arbitrary: junkValue.map((v) => json(JSON.stringify(v) ?? "")) },
      { weight: 1, arbitrary: fc.tuple(valid, wrongContentType).map(([v, type]) => json(JSON.stringify(v), type)) },
      { weight: 1, arbitrary: oversized.map((s) => json(s)) },
    );
  } else if (!formSchema) {
    variants.push({ weight: 1, arbitrary: junkValue.map((v) => json(JSON.stringify(v) ?? "")) });
  }
  if (formSchema) {
    variants.push({ weight: 6, arbitrary: formFor(formSchema, target) }, { weight: 2, arbitrary: multipartJunk });
  }
  return fc.oneof(...variants);
}

// --- multipart --------------------------------------------------------------------------------------------------

const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.string({ unit: "grapheme", maxLength: 500 }).map((s) => new TextEncoder().encode(s)),
  // The first bytes of a PDF, a DOCX/XLSX (zip) and a PNG, followed by junk: readers must refuse, not crash.
  fc
    .tuple(fc.constantFrom("%PDF-1.7\n", "PK\u0003\u0004", "\u0089PNG\r\n\u001a\n", "a;b;c\n1;2;3\n"), fc.uint8Array())
    .map(([head, tail]) => new Uint8Array([...Buffer.from(head, "latin1"), ...tail])),
);

const fileName = fc.oneof(
  fc.constantFrom("protocol.pdf", "protocol.docx", "report.xlsx", "data.csv", "note.txt", "page.html", "photo.png"),
  fc.constantFrom("../../etc/passwd", "", "протокол.docx", "a".repeat(500), "x.exe", "\u202eexe.pdf"),
  fc.string(),
);

const mediaType = fc.constantFrom(
  "",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "text/plain",
  "text/csv",
  "image/png",
  "application/octet-stream",
  "text/html",
);

const fileField = fc
  .record({ bytes: fileBytes, name: fileName, type: mediaType })
  .map(({ bytes, name, type }) => new File([Buffer.from(bytes)], name, { type }));

/** A form from the operation's multipart schema: files for binary fields, JSON text (or junk) for text fields. */
function formFor(schema: JsonSchema, target: FuzzTarget): fc.Arbitrary<BodyPart> {
  const properties = Object.entries(schema.properties ?? {});
  const fields = properties.map(([name, property]) => {
    const isFiles = property.type === "array";
    const field = isFiles || property.format === "binary" ? fileField : textField(property, target);
    const values = isFiles ? fc.array(fileField, { maxLength: 3 }) : field.map((v) => [v]);
    const maybeMissing = fc.oneof({ weight: 5, arbitrary: values }, { weight: 1, arbitrary: fc.constant([]) });
    return maybeMissing.map((vs) => vs.map((v): [string, string | File] => [name, v]));
  });
  const unknownFields = fc.array(fc.tuple(fc.string(), fc.oneof(fc.string(), fileField)), { maxLength: 2 });
  return fc
    .tuple(
      fc.tuple(...fields),
      fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: unknownFields }),
    )
    .map(([known, extra]) => {
      const form = new FormData();
      for (const [name, value] of [...known.flat(), ...extra]) form.append(name, value);
      return { headers: {}, body: form };
    });
}

function textField(property: JsonSchema & { description?: string }, target: FuzzTarget): fc.Arbitrary<string> {
  const named = /^(\w+) as JSON text/.exec(property.description ?? "")?.[1];
  const schema = named
    ? (target.jsonTextSchemas[named] ?? target.schemas.resolve(`#/components/schemas/${named}`))
    : null;
  if (!schema)
    return fc.oneof(
      fc.string(),
      junkValue.map((v) => JSON.stringify(v) ?? ""),
    );
  const valid = arbitraryFromSchema(schema, target.schemas);
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((v) => JSON.stringify(v)) },
    { weight: 3, arbitrary: mutationsOf(valid).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: malformedJson },
  );
}

/** Bodies that claim to be multipart and are not, or not quite. */
const multipartJunk = fc.oneof(
  fc.string().map((s) => ({ headers: { "content-type": "multipart/form-data; boundary=XyZ" }, body: s })),
  fc.constant({
    headers: { "content-type": "multipart/form-data; boundary=XyZ" },
    body: '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 trunc',
  }),
  fc.constant({ headers: { "content-type": "multipart/form-data" }, body: "no boundary" }),
  fc.constant({
    headers: { "content-type": "multipart/form-data; boundary=XyZ" },
    body: '--XyZ\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{"a":\r\n--XyZ--\r\n',
  }),
  fc.constant(json("{}")),
);
