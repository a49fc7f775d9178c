import { z } from "zod";
import {
  apiTokenListSchema,
  apiTokenSchema,
  changePasswordSchema,
  createApiTokenSchema,
  issuedApiTokenSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  signInSchema,
  userSchema,
} from "../../../shared/api/accounts.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { type Principal, PUBLIC, SIGNED_IN } from "../../http/access.ts";
import { clearSessionCookie, clientAddress, sessionCookieOf, setSessionCookie } from "../../http/authenticate.ts";
import { AppError } from "../../http/errors.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["accounts"];
const signedInSchema = z.object({ user: userSchema }).meta({ id: "SignedIn" });
const doneSchema = z.object({ ok: z.literal(true) });
const meSchema = z.object({ user: userSchema.nullable() }).meta({ id: "Me" });

const signIn = defineRoute({
  method: "post",
  path: "/auth/sign-in",
  tags,
  summary: "Sign in with e-mail and password; sets the session cookie (a new one every time)",
  access: PUBLIC,
  request: { body: jsonBody(signInSchema) },
  ok: { status: 200, schema: signedInSchema, description: "Signed in" },
});

const signOut = defineRoute({
  method: "post",
  path: "/auth/sign-out",
  tags,
  summary: "End this session and clear its cookie",
  access: PUBLIC,
  ok: { status: 200, schema: doneSchema, description: "Signed out" },
});

const me = defineRoute({
  method: "get",
  path: "/auth/me",
  tags,
  summary: "The signed-in person, with their roles; `user` is null when nobody is signed in",
  access: PUBLIC,
  ok: { status: 200, schema: meSchema, description: "The account, or null" },
});

const changePassword = defineRoute({
  method: "post",
  path: "/auth/password",
  tags,
  summary: "Change your password; every other session of yours ends",
  access: SIGNED_IN,
  request: { body: jsonBody(changePasswordSchema) },
  ok: { status: 200, schema: signedInSchema, description: "Changed" },
});

const requestReset = defineRoute({
  method: "post",
  path: "/auth/password-reset",
  tags,
  summary: "E-mail a one-time link to set a new password (the answer is the same whether the address has an account)",
  access: PUBLIC,
  request: { body: jsonBody(passwordResetRequestSchema) },
  ok: { status: 200, schema: doneSchema, description: "Sent if the account exists" },
});

const confirmReset = defineRoute({
  method: "post",
  path: "/auth/password-reset/confirm",
  tags,
  summary: "Set a new password with the token from the e-mailed link",
  access: PUBLIC,
  request: { body: jsonBody(passwordResetSchema) },
  ok: { status: 200, schema: doneSchema, description: "Password set; sign in with it" },
});

const listTokens = defineRoute({
  method: "get",
  path: "/auth/tokens",
  tags,
  summary: "Your API tokens (never their secrets)",
  access: SIGNED_IN,
  ok: { status: 200, schema: apiTokenListSchema, description: "The tokens" },
});

const createToken = defineRoute({
  method: "post",
  path: "/auth/tokens",
  tags,
  summary: "A new API token for an integration: send it as `Authorization: Bearer …`; the secret is shown once",
  access: SIGNED_IN,
  request: { body: jsonBody(createApiTokenSchema) },
  ok: { status: 201, schema: issuedApiTokenSchema, description: "The token and its secret" },
});

const revokeToken = defineRoute({
  method: "delete",
  path: "/auth/tokens/{id}",
  tags,
  summary: "Revoke one of your API tokens",
  access: SIGNED_IN,
  request: { params: idParamSchema },
  ok: { status: 200, schema: apiTokenSchema, description: "The revoked token" },
});

/** Routes behind SIGNED_IN always have someone; this narrows the type. */
function signedIn(principal: Principal | null): Principal {
  if (!principal) throw new AppError("unauthenticated", "Sign in first.");
  return principal;
}

export const authRoutes = createRouter()
  .openapi(signIn, async (c) => {
    const signed = await c.var.services.signIn.signIn(c.req.valid("json"), {
      client: clientAddress(c),
      userAgent: c.req.header("user-agent") ?? null,
      presentedSession: sessionCookieOf(c),
      requestId: c.var.requestId,
    });
    setSessionCookie(c, signed.sessionToken);
    return c.json({ user: await c.var.services.users.get(signed.principal.userId) }, 200);
  })
  .openapi(signOut, async (c) => {
    const cookie = sessionCookieOf(c);
    if (cookie) await c.var.services.signIn.signOut(cookie);
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(me, async (c) =>
    c.json({ user: c.var.principal ? await c.var.services.users.get(c.var.principal.userId) : null }, 200),
  )
  .openapi(changePassword, async (c) => {
    const principal = signedIn(c.var.principal);
    const user = await c.var.services.users.changePassword(principal.userId, c.req.valid("json"), actorOf(c));
    if (principal.via.kind === "session") {
      setSessionCookie(c, await c.var.services.signIn.createSession(user.id, c.req.header("user-agent") ?? null, null));
    }
    return c.json({ user }, 200);
  })
  .openapi(requestReset, async (c) => {
    await c.var.services.users.requestReset(c.req.valid("json").email, actorOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(confirmReset, async (c) => {
    await c.var.services.users.confirmReset(c.req.valid("json"), actorOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(listTokens, async (c) =>
    c.json({ items: await c.var.services.apiTokens.list(signedIn(c.var.principal).userId) }, 200),
  )
  .openapi(createToken, async (c) =>
    c.json(
      await c.var.services.apiTokens.create(signedIn(c.var.principal).userId, c.req.valid("json"), actorOf(c)),
      201,
    ),
  )
  .openapi(revokeToken, async (c) =>
    c.json(
      await c.var.services.apiTokens.revoke(signedIn(c.var.principal).userId, c.req.valid("param").id, actorOf(c)),
      200,
    ),
  );
