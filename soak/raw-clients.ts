import { Agent, request } from "node:http";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** How a connection ended: after how long, and what the server wrote before closing it. */
export type Cutoff = { afterMs: number; answer: string };

/**
 * A slowloris client: starts a request, then sends one more header line every `everyMs` and never ends the header
 * block. Resolves when the server closes the connection (or after `giveUpMs`, with `afterMs` = Infinity).
 */
export function trickleHeaders(url: string, everyMs: number, giveUpMs: number): Promise<Cutoff> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  const started = performance.now();
  let answer = "";
  socket.on("data", (chunk: Buffer) => {
    answer += chunk.toString();
  });
  socket.write(`GET /api/health HTTP/1.1\r\nHost: ${hostname}\r\n`);
  const trickle = setInterval(() => socket.write(`X-Slow: ${Date.now()}\r\n`), everyMs);
  return new Promise((resolve) => {
    const finish = (afterMs: number) => {
      clearInterval(trickle);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ afterMs, answer });
    };
    const giveUp = setTimeout(() => finish(Number.POSITIVE_INFINITY), giveUpMs);
    // A write racing the server's close fails with EPIPE: the connection is gone either way.
    socket.on("error", () => {});
    socket.on("close", () => finish(performance.now() - started));
  });
}

/**
 * Two GETs through a keep-alive agent with one socket, `idleMs` apart: whether the second one still found the
 * first one's connection open.
 */
export async function twoRequestsOneSocket(
  url: string,
  idleMs: number,
): Promise<{ statuses: number[]; reused: boolean }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const req = request(url, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, reused: req.reusedSocket }));
      });
      req.on("error", reject);
      req.end();
    });
  try {
    const first = await get();
    await sleep(idleMs);
    const second = await get();
    return { statuses: [first.status, second.status], reused: second.reused };
  } finally {
    agent.destroy();
  }
}

export type Upload = {
  url: string;
  token: string;
  contentType: string;
  totalBytes: number;
  /** With it, the size is announced in Content-Length; without it, the body is sent chunked, its size unknown. */
  announceLength: boolean;
};

/**
 * Streams `totalBytes` of filler in 1 MiB chunks (respecting back-pressure) until the server answers, and
 * returns its status and how many bytes had been sent by then.
 */
export function upload(options: Upload): Promise<{ status: number; body: string; sentBytes: number }> {
  const chunk = Buffer.alloc(1024 * 1024, "a");
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token}`,
    "content-type": options.contentType,
    ...(options.announceLength ? { "content-length": String(options.totalBytes) } : {}),
  };
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = request(options.url, { method: "POST", headers }, (response) => {
      answered = true;
      let body = "";
      response.on("data", (part: Buffer) => {
        body += part.toString();
      });
      response.on("end", () => {
        req.destroy();
        resolve({ status: response.statusCode ?? 0, body, sentBytes });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sentBytes < options.totalBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
