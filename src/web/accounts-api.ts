import type { z } from "zod";
import type {
  apiTokenListSchema,
  apiTokenSchema,
  CreateApiTokenInput,
  CreateUserInput,
  issuedApiTokenSchema,
  issuedPasswordSchema,
  UpdateUserInput,
  User,
  userListSchema,
} from "../shared/api/accounts.ts";
import { apiRequest } from "./api.ts";

export type ApiToken = z.infer<typeof apiTokenSchema>;
export type IssuedApiToken = z.infer<typeof issuedApiTokenSchema>;
export type IssuedPassword = z.infer<typeof issuedPasswordSchema>;
type SignedIn = { user: User };

/** Signing in and out, one's own account and API tokens, and (for administrators) everyone's accounts. */
export const accountsApi = {
  me: () => apiRequest<{ user: User | null }>("GET", "/auth/me"),
  signIn: (email: string, password: string) =>
    apiRequest<SignedIn>("POST", "/auth/sign-in", { body: { email, password } }),
  signOut: () => apiRequest<{ ok: true }>("POST", "/auth/sign-out"),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiRequest<SignedIn>("POST", "/auth/password", { body: { currentPassword, newPassword } }),
  requestPasswordReset: (email: string) =>
    apiRequest<{ ok: true }>("POST", "/auth/password-reset", { body: { email } }),
  resetPassword: (token: string, newPassword: string) =>
    apiRequest<{ ok: true }>("POST", "/auth/password-reset/confirm", { body: { token, newPassword } }),

  listTokens: () => apiRequest<z.infer<typeof apiTokenListSchema>>("GET", "/auth/tokens"),
  createToken: (input: CreateApiTokenInput) => apiRequest<IssuedApiToken>("POST", "/auth/tokens", { body: input }),
  revokeToken: (id: string) => apiRequest<ApiToken>("DELETE", `/auth/tokens/${encodeURIComponent(id)}`),

  listUsers: () => apiRequest<z.infer<typeof userListSchema>>("GET", "/users"),
  createUser: (input: CreateUserInput) => apiRequest<IssuedPassword>("POST", "/users", { body: input }),
  updateUser: (id: string, input: UpdateUserInput) =>
    apiRequest<User>("PATCH", `/users/${encodeURIComponent(id)}`, { body: input }),
  issuePassword: (id: string) =>
    apiRequest<IssuedPassword>("POST", `/users/${encodeURIComponent(id)}/one-time-password`),
};
