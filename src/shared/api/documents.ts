import { z } from "zod";
import {
  countryCodeSchema,
  cursorSchema,
  fieldError,
  idSchema,
  isoDaySchema,
  jsonTextField,
  limitSchema,
  localizedTextOut,
  pageOf,
  searchTextSchema,
  shortTextIn,
  versionSchema,
  withoutNul,
} from "./common.ts";

export const DOCUMENT_KINDS = ["protocol", "agenda", "press_release", "memorandum", "report", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Only these kinds are signed on a day; the others carry no signing date. */
export const SIGNED_KINDS: readonly DocumentKind[] = ["protocol", "memorandum"];
export const SIGNED_ON_MESSAGE = `only a ${SIGNED_KINDS.join(" or ")} has a signing date`;
export function takesSigningDate(kind: DocumentKind): boolean {
  return SIGNED_KINDS.includes(kind);
}

export const MAX_DOCUMENT_FILE_BYTES = 20 * 1024 * 1024;

const documentKindSchema = z.enum(DOCUMENT_KINDS, fieldError(`must be one of: ${DOCUMENT_KINDS.join(", ")}`));
/** The languages the document is written in (not only the three the UI speaks: a protocol may be in Kyrgyz). */
const languagesSchema = z
  .array(z.string().regex(/^[a-z]{2}$/, "must be an ISO 639-1 language code such as ru"), fieldError("must be a list"))
  .min(1, "give at least one language")
  .max(10, "at most 10 languages")
  .refine((codes) => new Set(codes).size === codes.length, "must not repeat a language");
const signatoriesInSchema = z
  .array(z.strictObject({ personId: idSchema, side: countryCodeSchema }), fieldError("must be a list"))
  .max(20, "at most 20 signatories")
  .refine((list) => new Set(list.map((s) => s.personId)).size === list.length, "must not list a person twice");

export const signatorySchema = z.object({ personId: idSchema, name: localizedTextOut, side: countryCodeSchema });

export const documentFileSchema = z.object({
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type DocumentFile = z.infer<typeof documentFileSchema>;

export const documentSchema = z
  .object({
    id: idSchema,
    commissionId: idSchema,
    sessionId: idSchema.nullable(),
    kind: z.enum(DOCUMENT_KINDS),
    title: localizedTextOut,
    languages: z.array(z.string()),
    signedOn: isoDaySchema.nullable(),
    source: z.string().nullable(),
    file: documentFileSchema.nullable(),
    signatories: z.array(signatorySchema),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "Document" });
export type Document = z.infer<typeof documentSchema>;

export const documentMetadataSchema = z
  .strictObject({
    commissionId: idSchema,
    sessionId: idSchema.optional(),
    kind: documentKindSchema,
    title: shortTextIn,
    languages: languagesSchema,
    signedOn: isoDaySchema.optional(),
    source: withoutNul(
      z.string().trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
    ).optional(),
    signatories: signatoriesInSchema.default([]),
  })
  .refine((m) => m.signedOn === undefined || takesSigningDate(m.kind), {
    message: SIGNED_ON_MESSAGE,
    path: ["signedOn"],
  })
  .meta({ id: "DocumentMetadata" });
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

const metadataFieldSchema = jsonTextField(documentMetadataSchema);

export const documentUploadSchema = z.strictObject({
  file: z
    .file(fieldError("must be a file"))
    .meta({ type: "string", format: "binary", description: "At most 20 MB: PDF, DOCX, XLSX, plain text or HTML" })
    .optional(),
  metadata: metadataFieldSchema.meta({
    type: "string",
    description: "DocumentMetadata as JSON text: commissionId, kind, title, languages and optionally the rest",
  }),
});

export const updateDocumentSchema = z
  .strictObject({
    version: versionSchema,
    title: shortTextIn.optional(),
    kind: documentKindSchema.optional(),
    languages: languagesSchema.optional(),
    signedOn: isoDaySchema.nullable().optional(),
    sessionId: idSchema.nullable().optional(),
    signatories: signatoriesInSchema.optional(),
  })
  .meta({ id: "UpdateDocument" });
export type UpdateDocumentInput = z.infer<typeof updateDocumentSchema>;

export const documentListQuerySchema = z.strictObject({
  commissionId: idSchema.optional(),
  sessionId: idSchema.optional(),
  kind: documentKindSchema.optional(),
  q: searchTextSchema,
  limit: limitSchema,
  cursor: cursorSchema,
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;
export const documentPageSchema = pageOf(documentSchema);
export type DocumentPage = z.infer<typeof documentPageSchema>;
