import { request } from "node:http";

/**
 * One kind of HTTP request the benchmark sends: `nextPath` may give a different path each time (a write goes to
 * a different commitment each time, as many people's reports would).
 */
export type HttpCall = {
  baseUrl: string;
  method: "GET" | "POST";
  nextPath: () => string;
  body?: string;
  token?: string;
};

export function headersOf(call: HttpCall): Record<string, string> {
  return {
    ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
    ...(call.body === undefined ? {} : { "content-type": "application/json" }),
  };
}

/**
 * Sends the request once and resolves with the size of a 2xx answer; anything else fails the benchmark (a typo
 * would otherwise measure a 400). Each request opens its own connection: while a PGlite query blocks the event
 * loop, the server's keep-alive timer expires unseen and would reset a reused socket under the next request.
 */
export function sendOk(call: HttpCall): Promise<number> {
  const url = `${call.baseUrl}${call.nextPath()}`;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: call.method, headers: headersOf(call), agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(body.length);
        else reject(new Error(`${call.method} ${url} answered ${status}: ${body.toString("utf8", 0, 500)}`));
      });
    });
    outgoing.on("error", reject);
    outgoing.end(call.body);
  });
}

/** Cycles through `items`, for a call or a task that should not hit the same record every time. */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error("Nothing to rotate through.");
  let next = 0;
  return () => {
    const item = items[next % items.length] as T;
    next += 1;
    return item;
  };
}
