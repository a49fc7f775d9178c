import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { signInContext } from "./accounts.ts";

export const CHROMIUM_PATH = process.env.IGC_CHROMIUM ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian's Chromium, headless. Waits a while for it to appear (it may still be installing). */
export async function launchBrowser(waitMs = 60_000): Promise<Browser> {
  const until = Date.now() + waitMs;
  while (!existsSync(CHROMIUM_PATH)) {
    if (Date.now() > until) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium`);
    await sleep(1000);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export type PageOptions = {
  baseURL: string;
  viewport?: { width: number; height: number };
  /** The UI language saved before the app starts (as if chosen earlier with the switcher). */
  language?: "ru" | "en" | "az";
  /** Signed in as the server's e2e administrator (the default), or as nobody. */
  signedIn?: boolean;
};

export type TestPage = {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, console errors and CSP violations seen so far: a journey should end with none. */
  problems: string[];
};

export async function openPage(browser: Browser, options: PageOptions): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.language === "ru" ? "ru-RU" : "en-GB",
  });
  if (options.language) {
    await context.addInitScript((lang) => {
      if (!localStorage.getItem("igc-desk.language")) localStorage.setItem("igc-desk.language", lang);
    }, options.language);
  }
  context.setDefaultTimeout(15_000);
  if (options.signedIn !== false) await signInContext(context, options.baseURL);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}

/** The page's scroll width against the viewport's: wider means it scrolls sideways. */
export async function pageWidths(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}
