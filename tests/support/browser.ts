import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
const SCREENSHOTS = 'var/screenshots';

/** The gateway's origin, where it serves the web app. */
export function webOrigin(): string {
  return inject('baseUrl').replace(/\/api\/v1$/, '');
}

/** Debian's chromium (Playwright's own download cannot reach the internet here); CHROMIUM_PATH overrides. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)');
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync('dist/web/index.html')) throw new Error('the web app is not built: run npm run build');
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * Runs `journey` in a fresh browser profile at a viewport and time zone (Indian English locale),
 * keeping a full-page screenshot under var/screenshots/<name>.png if it fails.
 */
export async function withPage(
  browser: Browser,
  name: string,
  options: { viewport: { width: number; height: number }; timezoneId: string },
  journey: (page: Page) => Promise<void>,
): Promise<void> {
  const phone = options.viewport.width < 600;
  const context = await browser.newContext({ ...options, locale: 'en-IN', isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  try {
    await journey(page);
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

let kept = 0;

/**
 * axe-core finds no serious or critical violation on what the page shows now. With
 * KEEP_SCREENSHOTS=1 every page checked here is also kept under var/screenshots/pages/, for a
 * person to look at.
 */
export async function expectAccessible(page: Page): Promise<void> {
  if (process.env.KEEP_SCREENSHOTS) {
    kept += 1;
    const width = page.viewportSize()?.width ?? 0;
    const where = new URL(page.url()).pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
    mkdirSync(`${SCREENSHOTS}/pages`, { recursive: true });
    await page.screenshot({
      path: `${SCREENSHOTS}/pages/${String(kept).padStart(2, '0')}-${width}-${where}.png`,
      fullPage: true,
    });
  }
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  expect(severe, `${page.url()}`).toEqual([]);
}
