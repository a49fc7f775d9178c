import { describe, expect, it } from "vitest";
import { ApiError, createApiClient } from "./api.ts";

function answering(status: number, body: unknown, seen: string[] = []) {
  return createApiClient(async (input, init) => {
    seen.push(`${init?.method} ${input}${init?.body ? ` ${String(init.body)}` : ""}`);
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
}

describe("the API client", () => {
  it("sends the request and returns the parsed body", async () => {
    const seen: string[] = [];
    const client = answering(201, { update: { id: "u" }, commitment: { id: "c" } }, seen);
    const result = await client.postStatusUpdate("c-1", { text: "done", status: "done", version: 3 });
    expect(result.commitment.id).toBe("c");
    expect(seen).toEqual(['POST /api/commitments/c-1/updates {"text":"done","status":"done","version":3}']);
  });

  it("throws an ApiError carrying the server's code, message and field issues", async () => {
    const client = answering(400, {
      error: {
        code: "validation_failed",
        message: "Invalid body: text: must not be empty",
        details: { location: "body", issues: [{ path: "text", message: "must not be empty" }] },
      },
    });
    const error = await client.postStatusUpdate("c-1", { text: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "Invalid body: text: must not be empty",
    });
    expect((error as ApiError).fieldIssues()).toEqual({ text: "must not be empty" });
  });

  it("reads a rule error that names one field", async () => {
    const client = answering(400, {
      error: {
        code: "validation_failed",
        message: "progress: must be 100 when the status is done",
        details: { path: "progress" },
      },
    });
    const error = (await client.postStatusUpdate("c-1", { text: "x" }).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldIssues()).toEqual({ progress: "must be 100 when the status is done" });
  });

  it("follows the cursor to list every commitment", async () => {
    const seen: string[] = [];
    let call = 0;
    const client = createApiClient(async (input) => {
      seen.push(String(input));
      call++;
      const body =
        call === 1 ? { items: [{ id: "a" }], nextCursor: "next" } : { items: [{ id: "b" }], nextCursor: null };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    const items = await client.listAllCommitments({ sessionId: "s" });
    expect(items.map((c) => c.id)).toEqual(["a", "b"]);
    expect(seen).toEqual([
      "/api/commitments?sessionId=s&limit=500",
      "/api/commitments?sessionId=s&limit=500&cursor=next",
    ]);
  });

  it("turns a network failure and a non-JSON answer into ApiErrors", async () => {
    const offline = createApiClient(async () => {
      throw new TypeError("fetch failed");
    });
    await expect(offline.listCommissions()).rejects.toMatchObject({ status: 0, code: "network" });
    const proxy = createApiClient(async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(proxy.listCommissions()).rejects.toMatchObject({ status: 502, code: "http_error" });
  });

  it("uploads a document as multipart with the metadata as JSON text", async () => {
    let sent: RequestInit | undefined;
    const client = createApiClient(async (_input, init) => {
      sent = init;
      return new Response(JSON.stringify({ id: "d" }), { status: 201 });
    });
    const file = new File(["hello"], "note.txt", { type: "text/plain" });
    const metadata = {
      commissionId: "c",
      kind: "other" as const,
      title: { en: "Note" },
      languages: ["en"],
      signatories: [],
    };
    await client.uploadDocument(metadata, file);
    expect(sent?.method).toBe("POST");
    // No content type of our own: the browser writes multipart/form-data with its boundary.
    expect(sent?.headers).toEqual({ accept: "application/json" });
    const form = sent?.body as FormData;
    expect(JSON.parse(String(form.get("metadata")))).toEqual(metadata);
    expect((form.get("file") as File).name).toBe("note.txt");
  });

  it("reads the line-by-line problems of a rejected CSV import", async () => {
    const client = answering(400, {
      error: {
        code: "validation_failed",
        message: "csv: 2 problems",
        details: {
          path: "csv",
          rows: [
            { line: 3, column: "reporter", message: "XX is not a side of this commission" },
            { line: 4, column: null, message: "has 3 fields, the header has 5" },
          ],
        },
      },
    });
    const error = (await client.importObservations("c", "x", true).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldIssues()).toEqual({ csv: "2 problems" });
    expect(error.rowIssues()).toEqual([
      { line: 3, column: "reporter", message: "XX is not a side of this commission" },
      { line: 4, column: null, message: "has 3 fields, the header has 5" },
    ]);
  });
});
