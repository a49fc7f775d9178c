import type { Services } from "../services.ts";
import type { Principal } from "./access.ts";

/** Variables every request carries through the middleware into the routes. */
export type AppEnv = {
  Variables: {
    requestId: string;
    services: Services;
    /** Who is calling; null for nobody (public routes only). */
    principal: Principal | null;
    /** Where people open IGC Desk (IGC_PUBLIC_URL's origin): a write from there is not cross-site. */
    publicOrigin: string;
    /** Proxies in front whose X-Forwarded-For entries are believed (0: the socket's peer is the client). */
    trustedProxies: number;
  };
};
