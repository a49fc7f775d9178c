import type { Services } from "../services.ts";

/** Variables every request carries through the middleware into the routes. */
export type AppEnv = { Variables: { requestId: string; services: Services } };
