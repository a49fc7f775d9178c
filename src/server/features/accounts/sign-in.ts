import type { Kysely } from "kysely";
import type { SignInInput } from "../../../shared/api/accounts.ts";
import type { DB } from "../../db/schema.ts";
import type { Principal } from "../../http/access.ts";
import { AppError } from "../../http/errors.ts";
import { hashSecretToken, newSecretToken } from "../../secret-tokens.ts";
import type { Clock } from "../../services.ts";
import { recordAudit } from "../audit.ts";
import { countRecentFailures, findLiveSession, findLiveToken, findUserByEmail, grantsOf } from "./accounts.repo.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

/** Five wrong passwords in a row lock an account for a quarter of an hour. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** One client address may fail this often per quarter of an hour, across all accounts. */
export const CLIENT_FAILURES_PER_WINDOW = 20;
const WINDOW_MS = 15 * 60_000;
/** A session lasts 12 hours from its last use, and 7 days at most. */
export const SESSION_IDLE_MS = 12 * 3600_000;
const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** Sliding the expiry costs a write, so a session's last use is recorded once a minute at most. */
const TOUCH_EVERY_MS = 60_000;

const WRONG = "The e-mail address or the password is wrong.";
// Compared against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
const decoy = hashPassword("decoy password for unknown accounts");

export type SignedIn = { sessionToken: string; principal: Principal; mustChangePassword: boolean };

export function createSignIn(db: Kysely<DB>, clock: Clock) {
  async function principalOf(
    user: { id: string; email: string; display_name: string; is_administrator: boolean },
    via: Principal["via"],
  ): Promise<Principal> {
    const grants = (await grantsOf(db, [user.id])).get(user.id) ?? [];
    return {
      userId: user.id,
      email: user.email,
      name: user.display_name,
      isAdministrator: user.is_administrator,
      grants,
      via,
    };
  }

  async function refuse(client: string, userId: string | null, lockNow: boolean): Promise<never> {
    const now = clock();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("sign_in_failures").values({ client, occurred_at: now.toISOString() }).execute();
      if (!userId) return;
      await trx
        .updateTable("users")
        .set(
          lockNow
            ? { failed_sign_ins: 0, locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() }
            : (eb) => ({ failed_sign_ins: eb("failed_sign_ins", "+", 1) }),
        )
        .where("id", "=", userId)
        .execute();
    });
    throw new AppError("unauthenticated", WRONG);
  }

  /** Opens a new session; the caller's old one (if any) is closed, so a planted session id never becomes signed in. */
  async function createSession(userId: string, userAgent: string | null, replacing: string | null) {
    const token = newSecretToken();
    const now = clock();
    await db.transaction().execute(async (trx) => {
      if (replacing)
        await trx.deleteFrom("user_sessions").where("token_hash", "=", hashSecretToken(replacing)).execute();
      await trx
        .insertInto("user_sessions")
        .values({
          token_hash: hashSecretToken(token),
          user_id: userId,
          created_at: now.toISOString(),
          last_seen_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
          user_agent: userAgent?.slice(0, 300) ?? null,
        })
        .execute();
    });
    return token;
  }

  return {
    createSession,

    async signIn(
      input: SignInInput,
      request: { client: string; userAgent: string | null; presentedSession: string | null; requestId: string },
    ): Promise<SignedIn> {
      const now = clock();
      const recent = await countRecentFailures(db, request.client, new Date(now.getTime() - WINDOW_MS));
      if (recent >= CLIENT_FAILURES_PER_WINDOW) {
        throw new AppError(
          "rate_limited",
          `Too many failed sign-ins from this address. Wait ${LOCK_MINUTES} minutes, or reset your password.`,
        );
      }
      const user = await findUserByEmail(db, input.email);
      if (!user?.password_hash || user.disabled_at) {
        await verifyPassword(input.password, await decoy);
        return refuse(request.client, null, false);
      }
      if (user.locked_until && new Date(user.locked_until) > now) {
        throw new AppError(
          "account_locked",
          `This account is locked after ${LOCK_AFTER_FAILURES} wrong passwords until ${new Date(user.locked_until).toISOString().slice(11, 16)} UTC. Wait, or reset the password by e-mail.`,
          { lockedUntil: new Date(user.locked_until).toISOString() },
        );
      }
      if (!(await verifyPassword(input.password, user.password_hash))) {
        return refuse(request.client, user.id, user.failed_sign_ins + 1 >= LOCK_AFTER_FAILURES);
      }
      const token = await createSession(user.id, request.userAgent, request.presentedSession);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("users")
          .set({ failed_sign_ins: 0, locked_until: null })
          .where("id", "=", user.id)
          .execute();
        await recordAudit(
          trx,
          { name: user.display_name, userId: user.id, requestId: request.requestId },
          { action: "user.sign_in", entityType: "user", entityId: user.id, before: null, after: null },
        );
      });
      const principal = await principalOf(user, { kind: "session", sessionHash: hashSecretToken(token) });
      return { sessionToken: token, principal, mustChangePassword: user.password_must_change };
    },

    async signOut(sessionToken: string): Promise<void> {
      await db.deleteFrom("user_sessions").where("token_hash", "=", hashSecretToken(sessionToken)).execute();
    },

    /** The person behind a session cookie, sliding its expiry; null when the session is unknown or over. */
    async fromSession(sessionToken: string): Promise<Principal | null> {
      const now = clock();
      const tokenHash = hashSecretToken(sessionToken);
      const found = await findLiveSession(db, tokenHash, now);
      if (!found) return null;
      if (now.getTime() - new Date(found.last_seen_at).getTime() > TOUCH_EVERY_MS) {
        const cap = new Date(found.session_created_at).getTime() + SESSION_MAX_MS;
        const expires = Math.min(now.getTime() + SESSION_IDLE_MS, cap);
        await db
          .updateTable("user_sessions")
          .set({ last_seen_at: now.toISOString(), expires_at: new Date(expires).toISOString() })
          .where("token_hash", "=", tokenHash)
          .execute();
      }
      return principalOf(found, { kind: "session", sessionHash: tokenHash });
    },

    /** The person behind an API token (`Authorization: Bearer …`); null when unknown, revoked or expired. */
    async fromApiToken(secret: string): Promise<Principal | null> {
      const now = clock();
      const found = await findLiveToken(db, hashSecretToken(secret), now);
      if (!found) return null;
      if (!found.last_used_at || now.getTime() - new Date(found.last_used_at).getTime() > TOUCH_EVERY_MS) {
        await db
          .updateTable("api_tokens")
          .set({ last_used_at: now.toISOString() })
          .where("id", "=", found.token_id)
          .execute();
      }
      return principalOf(found, { kind: "token", tokenId: found.token_id, access: found.access });
    },
  };
}
