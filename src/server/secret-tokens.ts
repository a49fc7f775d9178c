import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: a value nobody can guess, in 43 URL-safe characters. */
export const newSecretToken = (): string => randomBytes(32).toString("base64url");

/** What the database keeps of a secret token: its SHA-256, so a leaked table gives no token away. */
export const hashSecretToken = (token: string): string => createHash("sha256").update(token).digest("hex");
