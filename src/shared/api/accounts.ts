import { z } from "zod";
import { countryCodeSchema, fieldError, idSchema, withoutNul } from "./common.ts";
import { emailSchema, personNameIn } from "./focal-points.ts";

export const GRANT_ROLES = ["observer", "focal_point", "co_chair_office", "secretariat"] as const;

/** A role in one commission (null: all of them); a focal point also names its organisation. */
export const grantSchema = z
  .strictObject({
    role: z.enum(GRANT_ROLES, fieldError("must be observer, focal_point, co_chair_office or secretariat")),
    commissionId: idSchema.nullable(),
    organizationId: idSchema.nullable().default(null),
    side: countryCodeSchema.nullable().default(null),
  })
  .refine((g) => (g.role === "focal_point") === (g.organizationId !== null), {
    message: "a focal point needs organizationId, and only a focal point has one",
    path: ["organizationId"],
  })
  .meta({ id: "Grant" });
export type GrantInput = z.input<typeof grantSchema>;

const passwordIn = z.string(fieldError("must be text")).max(200, "must be at most 200 characters");

export const signInSchema = z.strictObject({ email: emailSchema, password: passwordIn.min(1, "must not be empty") });
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z.strictObject({ currentPassword: passwordIn, newPassword: passwordIn });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });
export const passwordResetSchema = z.strictObject({
  token: z.string(fieldError("must be text")).regex(/^[A-Za-z0-9_-]{43}$/, "is not a reset link's token"),
  newPassword: passwordIn,
});
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;

export const userSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    displayName: z.string(),
    isAdministrator: z.boolean(),
    mustChangePassword: z.boolean(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    grants: z.array(grantSchema),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;
export const userListSchema = z.object({ items: z.array(userSchema) }).meta({ id: "UserList" });

export const createUserSchema = z.strictObject({
  email: emailSchema,
  displayName: personNameIn,
  isAdministrator: z.boolean().default(false),
  grants: z.array(grantSchema).max(100).default([]),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  displayName: personNameIn.optional(),
  isAdministrator: z.boolean().optional(),
  disabled: z.boolean().optional(),
  grants: z.array(grantSchema).max(100).optional(),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** A new account, or a new password set by an administrator: the password is shown this once. */
export const issuedPasswordSchema = z
  .object({ user: userSchema, oneTimePassword: z.string() })
  .meta({ id: "IssuedPassword" });

export const apiTokenSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    access: z.enum(["read", "write"]),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) }).meta({ id: "ApiTokenList" });
export const createApiTokenSchema = z.strictObject({
  name: withoutNul(
    z.string(fieldError("must be text")).trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  ),
  access: z.enum(["read", "write"], fieldError("must be read or write")).default("read"),
  expiresInDays: z.number().int("must be whole days").min(1).max(3650).nullable().default(365),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
/** The token itself appears only in the answer that creates it. */
export const issuedApiTokenSchema = z
  .object({ token: apiTokenSchema, secret: z.string() })
  .meta({ id: "IssuedApiToken" });
