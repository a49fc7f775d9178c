import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { expect } from "vitest";
import type { ExtractResult, ImportResult } from "../../../shared/api/imports.ts";
import type { createTestApp } from "../../testing/test-app.ts";
import { jsonRequest } from "../../testing/test-app.ts";

/** Requests of the import tests: upload a document for its draft, accept a draft, or both in turn. */

type TestApp = ReturnType<typeof createTestApp>;
export type ErrorJson = { error: { code: string; message: string; details?: { path?: string; reason?: string } } };

export const fixturePath = (name: string) => join("src/extract/fixtures", name);

export async function uploadDocument(app: TestApp, bytes: Uint8Array, fileName: string): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], fileName));
  return app.request("/api/imports/extract", { method: "POST", body: form });
}

export async function extractFile(app: TestApp, path: string): Promise<ExtractResult> {
  const res = await uploadDocument(app, await readFile(path), basename(path));
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ExtractResult;
}

export async function postAccept(app: TestApp, body: unknown, query = ""): Promise<Response> {
  return app.request(`/api/imports/accept${query}`, jsonRequest("POST", body));
}

export async function acceptBody(app: TestApp, body: unknown, query = ""): Promise<ImportResult> {
  const res = await postAccept(app, body, query);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ImportResult;
}

/** Extracts the document and accepts its draft as it stands, with the source text beside it. */
export async function importDocument(
  app: TestApp,
  path: string,
): Promise<{ extraction: ExtractResult; result: ImportResult }> {
  const extraction = await extractFile(app, path);
  const result = await acceptBody(app, {
    draft: extraction.draft,
    source: { fileName: basename(path), text: extraction.text },
  });
  return { extraction, result };
}
