import type { Kysely } from "kysely";
import type {
  ChangePasswordInput,
  CreateUserInput,
  PasswordResetInput,
  UpdateUserInput,
  User,
} from "../../../shared/api/accounts.ts";
import { createUserSchema, grantSchema } from "../../../shared/api/accounts.ts";
import type { DB } from "../../db/schema.ts";
import type { Grant } from "../../http/access.ts";
import { AppError, notFound } from "../../http/errors.ts";
import { hashSecretToken, newSecretToken } from "../../secret-tokens.ts";
import type { Clock } from "../../services.ts";
import { type Actor, recordAudit } from "../audit.ts";
import type { Mailer } from "../notifications/mailer.ts";
import { findUserByEmail, findUserById, grantsOf, listUsers, replaceGrants, type UserRow } from "./accounts.repo.ts";
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from "./passwords.ts";

/** A reset link works for one hour, once. */
const RESET_LINK_MS = 3600_000;
const RESET_INTERVAL_MS = 60_000;

export type AccountMail = { mailer: Mailer | null; publicUrl: string };

function present(row: UserRow, grants: Grant[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    isAdministrator: row.is_administrator,
    mustChangePassword: row.password_must_change,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
    grants,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** What the audit log keeps of an account: never a hash. */
const auditView = (user: User) => ({
  email: user.email,
  displayName: user.displayName,
  isAdministrator: user.isAdministrator,
  disabled: user.disabled,
  grants: user.grants,
});

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError("validation_failed", `newPassword: ${problem}`, { path: "newPassword" });
}

export function createUserService(db: Kysely<DB>, clock: Clock, mail: AccountMail) {
  async function get(id: string, database: Kysely<DB> = db): Promise<User> {
    const row = await findUserById(database, id);
    if (!row) throw notFound("user", id);
    return present(row, (await grantsOf(database, [id])).get(id) ?? []);
  }

  /** Sets a password and closes every session of the account (a changed password signs everyone else out). */
  async function setPassword(trx: Kysely<DB>, userId: string, password: string, mustChange: boolean) {
    await trx
      .updateTable("users")
      .set({
        password_hash: await hashPassword(password),
        password_must_change: mustChange,
        failed_sign_ins: 0,
        locked_until: null,
        updated_at: clock().toISOString(),
      })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("user_sessions").where("user_id", "=", userId).execute();
  }

  return {
    get,

    async list(): Promise<User[]> {
      const rows = await listUsers(db);
      const grants = await grantsOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => present(r, grants.get(r.id) ?? []));
    },

    /** A new account with a one-time password, to be changed at the first sign-in. */
    async create(input: CreateUserInput, actor: Actor): Promise<{ user: User; oneTimePassword: string }> {
      const data = createUserSchema.parse(input);
      if (await findUserByEmail(db, data.email)) {
        throw new AppError("conflict", `email: an account for ${data.email} already exists.`, { path: "email" });
      }
      const password = oneTimePassword();
      const passwordHash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto("users")
          .values({
            email: data.email,
            display_name: data.displayName,
            password_hash: passwordHash,
            is_administrator: data.isAdministrator,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await replaceGrants(trx, id, data.grants);
        const user = await get(id, trx);
        await recordAudit(trx, actor, {
          action: "user.create",
          entityType: "user",
          entityId: id,
          before: null,
          after: auditView(user),
        });
        return { user, oneTimePassword: password };
      });
    },

    async update(id: string, input: UpdateUserInput, actor: Actor): Promise<User> {
      return db.transaction().execute(async (trx) => {
        const before = await get(id, trx);
        if (actor.userId === id && (input.isAdministrator === false || input.disabled === true)) {
          throw new AppError("conflict", "You cannot take away your own administrator role or disable yourself.");
        }
        const changes = {
          ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
          ...(input.isAdministrator === undefined ? {} : { is_administrator: input.isAdministrator }),
          ...(input.disabled === undefined ? {} : { disabled_at: input.disabled ? clock().toISOString() : null }),
        };
        await trx
          .updateTable("users")
          .set({ ...changes, updated_at: clock().toISOString() })
          .where("id", "=", id)
          .execute();
        if (input.disabled) await trx.deleteFrom("user_sessions").where("user_id", "=", id).execute();
        if (input.grants)
          await replaceGrants(
            trx,
            id,
            input.grants.map((g) => grantSchema.parse(g)),
          );
        const after = await get(id, trx);
        await recordAudit(trx, actor, {
          action: "user.update",
          entityType: "user",
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
    },

    /** An administrator sets a new one-time password (for when e-mail is not set up). */
    async issuePassword(id: string, actor: Actor): Promise<{ user: User; oneTimePassword: string }> {
      const password = oneTimePassword();
      return db.transaction().execute(async (trx) => {
        await get(id, trx);
        await setPassword(trx, id, password, true);
        await recordAudit(trx, actor, {
          action: "user.issue_password",
          entityType: "user",
          entityId: id,
          before: null,
          after: null,
        });
        return { user: await get(id, trx), oneTimePassword: password };
      });
    },

    async changePassword(userId: string, input: ChangePasswordInput, actor: Actor): Promise<User> {
      const row = await findUserById(db, userId);
      if (!row?.password_hash || !(await verifyPassword(input.currentPassword, row.password_hash))) {
        throw new AppError("validation_failed", "currentPassword: is not your current password.", {
          path: "currentPassword",
        });
      }
      if (input.newPassword === input.currentPassword) {
        throw new AppError("validation_failed", "newPassword: must differ from the current one.", {
          path: "newPassword",
        });
      }
      checkPassword(input.newPassword, row.email);
      return db.transaction().execute(async (trx) => {
        await setPassword(trx, userId, input.newPassword, false);
        await recordAudit(trx, actor, {
          action: "user.change_password",
          entityType: "user",
          entityId: userId,
          before: null,
          after: null,
        });
        return get(userId, trx);
      });
    },

    /** Sends a one-time link when the address has an account; answers the same either way. */
    async requestReset(email: string, actor: Actor): Promise<void> {
      const user = await findUserByEmail(db, email);
      if (!user || user.disabled_at) return;
      const now = clock();
      // One message a minute at most, so the form cannot be used to flood someone's mailbox.
      const recent = await db
        .selectFrom("password_resets")
        .select("token_hash")
        .where("user_id", "=", user.id)
        .where("created_at", ">", new Date(now.getTime() - RESET_INTERVAL_MS).toISOString())
        .executeTakeFirst();
      if (recent) return;
      const token = newSecretToken();
      const { id } = await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("password_resets")
          .values({
            token_hash: hashSecretToken(token),
            user_id: user.id,
            created_at: now.toISOString(),
            expires_at: new Date(now.getTime() + RESET_LINK_MS).toISOString(),
          })
          .execute();
        await recordAudit(trx, actor, {
          action: "user.request_reset",
          entityType: "user",
          entityId: user.id,
          before: null,
          after: null,
        });
        return user;
      });
      await mail.mailer?.send({
        to: { name: user.display_name, address: user.email },
        subject: "IGC Desk: set a new password",
        text: [
          `Hello ${user.display_name},`,
          "",
          "Someone (we hope you) asked to set a new password for IGC Desk. Open this link within one hour:",
          `${mail.publicUrl.replace(/\/$/, "")}/reset-password#${token}`,
          "",
          "If it was not you, ignore this message: your password stays as it is.",
        ].join("\n"),
        notificationId: `password-reset-${id}`,
      });
    },

    async confirmReset(input: PasswordResetInput, actor: Actor): Promise<void> {
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const reset = await trx
          .selectFrom("password_resets as r")
          .innerJoin("users as u", "u.id", "r.user_id")
          .select(["r.token_hash", "u.id", "u.email", "u.display_name"])
          .where("r.token_hash", "=", hashSecretToken(input.token))
          .where("r.used_at", "is", null)
          .where("r.expires_at", ">", now.toISOString())
          .where("u.disabled_at", "is", null)
          .forUpdate()
          .executeTakeFirst();
        if (!reset) {
          throw new AppError("validation_failed", "token: this link is used or expired. Ask for a new one.", {
            path: "token",
          });
        }
        checkPassword(input.newPassword, reset.email);
        await trx
          .updateTable("password_resets")
          .set({ used_at: now.toISOString() })
          .where("token_hash", "=", reset.token_hash)
          .execute();
        await setPassword(trx, reset.id, input.newPassword, false);
        await recordAudit(
          trx,
          { ...actor, name: reset.display_name, userId: reset.id },
          { action: "user.reset_password", entityType: "user", entityId: reset.id, before: null, after: null },
        );
      });
    },
  };
}
