import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it). Override with ACCORD_CHROMIUM. */
export const CHROMIUM = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';

/** Where browser tests leave their screenshots (gitignored). */
export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh context (no cookies, no storage) on `baseUrl`. */
  page(baseUrl: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Headless Chromium as CI runs it: no sandbox (containers lack user namespaces), no GPU, no
 * background networking (nothing may leave loopback). Playwright's `launch` starts each browser on
 * an empty profile in a temp dir of its own and removes it on close.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set ACCORD_CHROMIUM)`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--no-first-run',
      '--metrics-recording-only',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async page(baseUrl: string) {
      // bypassCSP only so axe-core can be injected: the page itself runs under the API's CSP.
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1280, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'UTC',
        bypassCSP: true,
      });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Saves a full-page screenshot under test-artifacts/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
