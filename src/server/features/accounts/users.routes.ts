import {
  createUserSchema,
  issuedPasswordSchema,
  updateUserSchema,
  userListSchema,
  userSchema,
} from "../../../shared/api/accounts.ts";
import { idParamSchema } from "../../../shared/api/common.ts";
import { ADMINISTER } from "../../http/access.ts";
import { actorOf } from "../../http/middleware.ts";
import { createRouter, defineRoute, jsonBody } from "../../http/openapi.ts";

const tags = ["accounts"];

const listUsers = defineRoute({
  method: "get",
  path: "/users",
  tags,
  summary: "Every account with its roles",
  access: ADMINISTER,
  ok: { status: 200, schema: userListSchema, description: "The accounts" },
});

const createUser = defineRoute({
  method: "post",
  path: "/users",
  tags,
  summary: "Open an account; its one-time password is in the answer, once",
  access: ADMINISTER,
  request: { body: jsonBody(createUserSchema) },
  ok: { status: 201, schema: issuedPasswordSchema, description: "The account and its one-time password" },
});

const getUser = defineRoute({
  method: "get",
  path: "/users/{id}",
  tags,
  summary: "One account with its roles",
  access: ADMINISTER,
  request: { params: idParamSchema },
  ok: { status: 200, schema: userSchema, description: "The account" },
});

const updateUser = defineRoute({
  method: "patch",
  path: "/users/{id}",
  tags,
  summary: "Change an account's name, roles, administrator flag, or disable it (its sessions end)",
  access: ADMINISTER,
  request: { params: idParamSchema, body: jsonBody(updateUserSchema) },
  ok: { status: 200, schema: userSchema, description: "The account" },
});

const issuePassword = defineRoute({
  method: "post",
  path: "/users/{id}/one-time-password",
  tags,
  summary: "Give an account a new one-time password (when e-mail is not set up for reset links)",
  access: ADMINISTER,
  request: { params: idParamSchema },
  ok: { status: 200, schema: issuedPasswordSchema, description: "The account and its one-time password" },
});

export const userRoutes = createRouter()
  .openapi(listUsers, async (c) => c.json({ items: await c.var.services.users.list() }, 200))
  .openapi(createUser, async (c) => c.json(await c.var.services.users.create(c.req.valid("json"), actorOf(c)), 201))
  .openapi(getUser, async (c) => c.json(await c.var.services.users.get(c.req.valid("param").id), 200))
  .openapi(updateUser, async (c) =>
    c.json(await c.var.services.users.update(c.req.valid("param").id, c.req.valid("json"), actorOf(c)), 200),
  )
  .openapi(issuePassword, async (c) =>
    c.json(await c.var.services.users.issuePassword(c.req.valid("param").id, actorOf(c)), 200),
  );
