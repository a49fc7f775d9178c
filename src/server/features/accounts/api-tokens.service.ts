import type { Kysely } from "kysely";
import { type CreateApiTokenInput, createApiTokenSchema } from "../../../shared/api/accounts.ts";
import type { DB } from "../../db/schema.ts";
import { notFound } from "../../http/errors.ts";
import { hashSecretToken, newSecretToken } from "../../secret-tokens.ts";
import type { Clock } from "../../services.ts";
import { type Actor, recordAudit } from "../audit.ts";

const COLUMNS = ["id", "name", "access", "created_at", "expires_at", "last_used_at", "revoked_at"] as const;
type TokenRow = {
  id: string;
  name: string;
  access: "read" | "write";
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const present = (r: TokenRow) => ({
  id: r.id,
  name: r.name,
  access: r.access,
  createdAt: new Date(r.created_at).toISOString(),
  expiresAt: iso(r.expires_at),
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

/** Tokens for integrations: they act as their owner (read-only ones may only read); only their hash is kept. */
export function createApiTokenService(db: Kysely<DB>, clock: Clock) {
  return {
    async list(userId: string) {
      const rows = await db
        .selectFrom("api_tokens")
        .select(COLUMNS)
        .where("user_id", "=", userId)
        .orderBy("created_at", "desc")
        .execute();
      return rows.map(present);
    },

    async create(userId: string, input: CreateApiTokenInput, actor: Actor) {
      const data = createApiTokenSchema.parse(input);
      const secret = `igc_${newSecretToken()}`;
      const now = clock();
      const expiresAt =
        data.expiresInDays === null ? null : new Date(now.getTime() + data.expiresInDays * 86_400_000).toISOString();
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("api_tokens")
          .values({
            user_id: userId,
            name: data.name,
            token_hash: hashSecretToken(secret),
            access: data.access,
            expires_at: expiresAt,
          })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow();
        const token = present(row);
        await recordAudit(trx, actor, {
          action: "api_token.create",
          entityType: "api_token",
          entityId: row.id,
          before: null,
          after: token,
        });
        return { token, secret };
      });
    },

    /** Revoking keeps the row, so the audit log and the owner's list still show the token. */
    async revoke(userId: string, tokenId: string, actor: Actor) {
      return db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("api_tokens")
          .select(COLUMNS)
          .where("id", "=", tokenId)
          .where("user_id", "=", userId)
          .executeTakeFirst();
        if (!before) throw notFound("API token", tokenId);
        const row = await trx
          .updateTable("api_tokens")
          .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(clock().toISOString())) }))
          .where("id", "=", tokenId)
          .returning(COLUMNS)
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: "api_token.revoke",
          entityType: "api_token",
          entityId: tokenId,
          before: present(before),
          after: present(row),
        });
        return present(row);
      });
    },
  };
}
