import { basename, extname } from "node:path";
import { type DocumentKind, takesSigningDate } from "../../../shared/api/documents.ts";
import type { AcceptImportInput, ImportDraft } from "../../../shared/api/imports.ts";
import { inspectUpload, type StoredFile } from "../documents/document-file.ts";
import { insertDocument, replaceSignatories } from "../documents/documents.repo.ts";
import { normalizeName } from "../organizations/organizations.service.ts";
import { auditImport, type CommissionRef, type ImportContext, localized, type SessionRef } from "./import-context.ts";
import { attachFile, findDocumentWithFile, listDocumentsOf } from "./imports.repo.ts";
import type { PeopleMatcher, Signatory } from "./match-people.ts";

type Source = NonNullable<AcceptImportInput["source"]>;
type SignedDocumentFact = ImportDraft["documents_signed"][number];
type StoredDocument = Awaited<ReturnType<typeof listDocumentsOf>>[number];
type Scope = { commission: CommissionRef; session: SessionRef | null; source: Source | null };

const MAX_TITLE_LENGTH = 500;
const MIN_HEADLINE_WORDS = 4;

function kindOfTitle(title: string): DocumentKind {
  const normalized = normalizeName(title);
  if (/^(?:протокол|protocol|protokol)/u.test(normalized)) return "protocol";
  if (/меморандум|memorandum/u.test(normalized)) return "memorandum";
  if (/повестк|agenda|gündəlik/u.test(normalized)) return "agenda";
  return "other";
}

/** The source is stored as the text it was read into: a protocol when the draft has numbered items. */
function sourceKindOf(draft: ImportDraft): DocumentKind {
  return draft.commitments.some((c) => c.item) ? "protocol" : "press_release";
}

function sourceFileOf(source: Source): StoredFile {
  const stem = basename(source.fileName, extname(source.fileName)) || "document";
  return inspectUpload(`${stem}.txt`, Buffer.from(source.text, "utf8"));
}

/** The first line that reads as a headline: a web page's text may open with its menu («Главная | Новости»). */
function headlineOf(source: Source): string {
  const lines = source.text.split("\n").map((line) => line.trim());
  const headline = lines.find((line) => line.split(" ").length >= MIN_HEADLINE_WORDS && !/[|•·]/u.test(line));
  return (headline ?? source.fileName).slice(0, MAX_TITLE_LENGTH);
}

/**
 * The documents of an import: every signed document (the session's protocol matched as the one protocol of the
 * session, others by kind and title) and the source file, stored with the protocol it is, or as a press release.
 */
export async function importDocuments(
  context: ImportContext,
  scope: Scope,
  draft: ImportDraft,
  people: PeopleMatcher,
): Promise<void> {
  const { commission, session, source } = scope;
  const stored = await listDocumentsOf(context.trx, commission.id, session?.id ?? null);
  const counted = new Set<string>();
  let file = source ? sourceFileOf(source) : null;
  const sourceKind = sourceKindOf(draft);

  const matched = (documentId: string) => {
    if (!counted.has(documentId)) context.tally.match("documents");
    counted.add(documentId);
  };
  const findStored = (kind: DocumentKind, title: string) =>
    stored.find((d) => d.kind === kind && (kind === "protocol" || sameTitle(d.title, title)));

  async function keepFile(document: StoredDocument): Promise<void> {
    if (!file || document.sha256 !== null || document.kind !== sourceKind) return;
    await attachFile(context.trx, document.id, { ...file.facts, content: file.content });
    await auditImport(context, {
      action: "document.attach_file",
      entityType: "document",
      entityId: document.id,
      after: { file: file.facts },
    });
    file = null;
  }

  async function create(kind: DocumentKind, title: string, signedOn: string | null, signatories: Signatory[]) {
    const withFile = file && kind === sourceKind ? file : null;
    const document = {
      commission_id: commission.id,
      session_id: session?.id ?? null,
      kind,
      title: localized(context, title.slice(0, MAX_TITLE_LENGTH)),
      languages: [context.language],
      signed_on: takesSigningDate(kind) ? signedOn : null,
      source: source?.fileName ?? null,
    };
    const id = await insertDocument(context.trx, document, withFile);
    await replaceSignatories(context.trx, id, signatories);
    await auditImport(context, {
      action: "document.create",
      entityType: "document",
      entityId: id,
      after: { ...document, signatories, file: withFile?.facts ?? null },
    });
    context.tally.create("documents");
    if (withFile) file = null;
  }

  const withSameFile = file && (await findDocumentWithFile(context.trx, commission.id, file.facts.sha256));
  if (withSameFile) {
    matched(withSameFile.id);
    file = null;
  }
  for (const [index, fact] of draft.documents_signed.entries()) {
    const kind = kindOfTitle(fact.title);
    const existing = findStored(kind, fact.title);
    if (existing) {
      matched(existing.id);
      await keepFile(existing);
      continue;
    }
    const signatories = await signatoriesOf(fact, index, people);
    await create(kind, fact.title, fact.date ?? session?.date ?? null, signatories);
  }
  if (!file || !source) return;
  const headline = headlineOf(source);
  const existing = findStored(sourceKind, headline);
  if (existing) {
    matched(existing.id);
    await keepFile(existing);
  } else {
    await create(sourceKind, headline, session?.date ?? null, []);
  }
}

function sameTitle(stored: Partial<Record<string, string>>, title: string): boolean {
  const wanted = normalizeName(title);
  return Object.values(stored).some((text) => text !== undefined && normalizeName(text) === wanted);
}

async function signatoriesOf(fact: SignedDocumentFact, index: number, people: PeopleMatcher): Promise<Signatory[]> {
  const signatories = new Map<string, Signatory>();
  for (const [j, name] of fact.signatories.entries()) {
    const signatory = await people.signatory(name, `documents_signed.${index}.signatories.${j}`);
    if (signatory) signatories.set(signatory.personId, signatory);
  }
  return [...signatories.values()];
}
