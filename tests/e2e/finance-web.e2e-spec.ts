import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser, setGrantableRoles } from '../support/accounts';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, webOrigin, withPage } from '../support/browser';

/** The browser works on a busy machine: give each expectation time. */
const soon = { timeout: 20_000 };

describe('the finance pages in a browser', () => {
  let browser: Browser;
  let finance: { email: string; password: string };

  beforeAll(async () => {
    const user = await registerUser('finance-web');
    await setGrantableRoles(user, ['finance']);
    [browser] = await Promise.all([launchBrowser()]);
    finance = user;
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`${name}: finance runs today's reconciliation, watches it finish and downloads the CSV`, async () => {
      await withPage(browser, `finance-${name}`, { viewport, timezoneId: 'Asia/Kolkata' }, async (page) => {
        await page.goto(`${webOrigin()}/login?next=${encodeURIComponent('/finance/reconciliations')}`);
        await page.getByLabel('E-mail').fill(finance.email);
        await page.getByLabel('Password').fill(finance.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect
          .poll(() => page.getByRole('heading', { name: 'Reconciliation with Razorpay' }).isVisible(), soon)
          .toBe(true);
        await expectAccessible(page);

        await page.getByRole('button', { name: 'Run reconciliation' }).click();
        await expect.poll(() => page.getByRole('status').first().textContent(), soon).toMatch(/Status: done/);
        await expect.poll(() => page.getByText('Missing in the ledger').isVisible(), soon).toBe(true);
        await expectAccessible(page);

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download CSV' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^reconciliation-.*\.csv$/);
        const csv = await readFile((await download.path())!, 'utf8');
        expect(csv.split('\r\n')[0]).toMatch(/^kind,entity,razorpayPaymentId,razorpayRefundId,/);

        // The other finance pages are a link away.
        await page.getByRole('link', { name: 'Payouts' }).click();
        await expect.poll(() => page.getByRole('heading', { name: 'Counselor payouts' }).isVisible(), soon).toBe(true);
        await expectAccessible(page);
      });
    });
  }
});
