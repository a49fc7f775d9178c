import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

// Vitest's expect knows nothing of Playwright's locators: these wait the way Playwright's own matchers would.
const POLL = { timeout: 10_000, interval: 100 };

/** The element's text with whitespace collapsed, or "" while it is not there. */
export async function textOf(locator: Locator): Promise<string> {
  try {
    return ((await locator.textContent({ timeout: 500 })) ?? "").replace(/\s+/g, " ").trim();
  } catch {
    return "";
  }
}

export async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: "visible", timeout: POLL.timeout });
}

export async function expectText(locator: Locator, expected: string | RegExp): Promise<void> {
  const poll = expect.poll(() => textOf(locator), POLL);
  if (typeof expected === "string") await poll.toBe(expected);
  else await poll.toMatch(expected);
}

export async function expectContainsText(locator: Locator, expected: string): Promise<void> {
  await expect.poll(() => textOf(locator), POLL).toContain(expected);
}

export async function expectValue(locator: Locator, expected: string): Promise<void> {
  await expect.poll(() => locator.inputValue({ timeout: 500 }).catch(() => ""), POLL).toBe(expected);
}

export async function expectCount(locator: Locator, expected: number): Promise<void> {
  await expect.poll(() => locator.count(), POLL).toBe(expected);
}

export async function expectPath(page: Page, path: string): Promise<void> {
  await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(path);
}

export async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}
