import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./context.ts";
import { AppError } from "./errors.ts";

export const SESSION_COOKIE = "igc_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The address failed sign-ins are counted against: the socket's peer, or behind N trusted proxies the address the
 * first of them saw (each proxy appends the address it heard from to X-Forwarded-For). In-process test requests
 * have no socket.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const hops = c.var.trustedProxies;
  if (hops > 0) {
    const forwarded = (c.req.header("x-forwarded-for") ?? "").split(",").map((a) => a.trim());
    const client = forwarded[forwarded.length - hops];
    if (client) return client;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

const secureCookies = (c: Context<AppEnv>) => c.var.publicOrigin.startsWith("https:");

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: secureCookies(c),
    path: "/",
    // The server ends idle sessions; the cookie itself lives a week at most.
    maxAge: 7 * 24 * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secureCookies(c) });
}

export const sessionCookieOf = (c: Context<AppEnv>): string | null => getCookie(c, SESSION_COOKIE) ?? null;

/**
 * A browser sends cookies with requests other sites start, so a write that a cookie would authorise must come from a
 * page of IGC Desk itself: its Origin (or, failing that, Referer) must be this server or IGC_PUBLIC_URL. Requests
 * with an API token carry no cookie and need no such check.
 */
function checkSameOrigin(c: Context<AppEnv>, cookieSent: boolean): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header("origin") ?? originOf(c.req.header("referer"));
  if (!origin && !cookieSent) return;
  const allowed = [new URL(c.req.url).origin, c.var.publicOrigin];
  if (!origin || !allowed.includes(origin)) {
    throw new AppError(
      "forbidden",
      "This change did not come from an IGC Desk page (the Origin header is missing or belongs to another site).",
    );
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Finds who is calling — an API token, else a session cookie — and refuses cross-site writes. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const cookie = bearer ? null : sessionCookieOf(c);
  checkSameOrigin(c, cookie !== null);
  if (bearer) {
    const principal = await c.var.services.signIn.fromApiToken(bearer);
    if (!principal) throw new AppError("unauthenticated", "This API token is unknown, revoked or expired.");
    c.set("principal", principal);
  } else {
    c.set("principal", cookie ? await c.var.services.signIn.fromSession(cookie) : null);
  }
  await next();
};
