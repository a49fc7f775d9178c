import type { BrowserContext } from "playwright-core";

/** The e2e administrator of each running test server, by its URL: pages opened on it are signed in as this. */
const administrators = new Map<string, { email: string; password: string }>();

export function rememberAdministrator(url: string, credentials: { email: string; password: string }): void {
  administrators.set(url, credentials);
}

/** Signs a browser context in as the server's e2e administrator. */
export async function signInContext(context: BrowserContext, baseURL: string): Promise<void> {
  const credentials = administrators.get(baseURL);
  if (!credentials) throw new Error(`No e2e administrator for ${baseURL}: start the server with startTestServer()`);
  await signInAs(context, baseURL, credentials);
}

/** Signs a browser context in through the API (its cookie jar is the browser's), as a page of the app would. */
export async function signInAs(
  context: BrowserContext,
  baseURL: string,
  credentials: { email: string; password: string },
): Promise<void> {
  const response = await context.request.post(`${baseURL}/api/auth/sign-in`, {
    data: { email: credentials.email, password: credentials.password },
    headers: { origin: baseURL },
  });
  if (!response.ok()) throw new Error(`Sign-in answered ${response.status()}: ${await response.text()}`);
}
