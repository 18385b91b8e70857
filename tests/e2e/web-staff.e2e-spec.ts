import { waitFor } from '@haven/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mondayOf, zonedDate } from '../../apps/web/src/lib/zoned-time';
import { registerUser } from '../support/accounts';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, webOrigin, withPage } from '../support/browser';
import { api } from '../support/http';

/** The browser works on a busy machine: give each expectation time. */
const soon = { timeout: 15_000 };
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible(), soon).toBe(true);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The first open slot of the counselor's offering, once the booking service knows both. */
async function firstOpenSlot(counselorId: string): Promise<{ offeringId: string; startsAt: string }> {
  return waitFor(
    async () => {
      const profile = await api('GET', `/counselors/${counselorId}`);
      const offeringId = profile.body?.offerings?.[0]?.id as string | undefined;
      if (!offeringId) return undefined;
      const to = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
      const slots = await api('GET', `/counselors/${counselorId}/slots?offeringId=${offeringId}&to=${to}`);
      const startsAt = slots.body?.slots?.[0]?.startsAt as string | undefined;
      return startsAt ? { offeringId, startsAt } : undefined;
    },
    { what: 'an open slot of the new counselor', timeoutMs: 20_000 },
  );
}

describe('the web app for counselors and admins', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const journeys = [
    { name: 'phone', viewport: PHONE, timezoneId: 'Asia/Kolkata' },
    { name: 'desktop', viewport: DESKTOP, timezoneId: 'Europe/London' },
  ];

  for (const journey of journeys) {
    it(`${journey.name}: a counselor applies, an admin approves, the counselor sets hours and sees a client's booking`, async () => {
      const options = { viewport: journey.viewport, timezoneId: journey.timezoneId };
      const applicant = await registerUser(`applicant-${journey.name}`, { timezone: 'Asia/Kolkata' });
      const displayName = `Dr. ${journey.name === 'phone' ? 'Leela' : 'Arjun'} ${Math.random().toString(36).slice(2, 8)}`;

      await withPage(browser, `staff-${journey.name}-counselor`, options, async (page) => {
        // A deep link to the admin area: sign in first, then a plain "not available" for a client.
        await page.goto(`${webOrigin()}/admin/users`);
        await signIn(page, applicant.email, applicant.password);
        await expect
          .poll(() => page.getByRole('heading', { name: 'Not available to you' }).isVisible(), soon)
          .toBe(true);
        expect(new URL(page.url()).pathname).toBe('/admin/users');
        await expectAccessible(page);

        await page.getByRole('link', { name: 'Apply to counsel on Haven' }).click();
        await expect.poll(() => page.getByRole('heading', { name: 'Counsel on Haven' }).isVisible(), soon).toBe(true);
        await page.getByLabel('Name clients will see').fill(displayName);
        await page.getByLabel('About your practice').fill('I help students with exam anxiety and stress.');
        await page.getByLabel('Qualifications').fill('M.Phil Clinical Psychology');
        await page.getByLabel('Registration number').fill(`A${Date.now()}`);
        await page.getByLabel('Years of experience').fill('6');
        await page.getByLabel('English').check();
        await expect.poll(() => page.getByLabel('Anxiety').count(), soon).toBe(1);
        // A missing field is named beside it before anything is sent.
        await page.getByRole('button', { name: 'Send application' }).click();
        await expect.poll(() => page.getByText('Choose at least one specialty').isVisible(), soon).toBe(true);
        await expectAccessible(page);
        await page.getByLabel('Anxiety').check();
        await page.getByRole('button', { name: 'Send application' }).click();
        await expect.poll(() => page.getByText('Under review.').isVisible(), soon).toBe(true);
        await expectAccessible(page);

        await withPage(browser, `staff-${journey.name}-admin`, options, async (admin) => {
          await admin.goto(`${webOrigin()}/admin`);
          await signIn(admin, inject('adminEmail'), inject('adminPassword'));
          const card = admin.getByRole('article', { name: displayName });
          await expect.poll(() => card.isVisible(), soon).toBe(true);
          expect(await card.textContent()).toContain('M.Phil Clinical Psychology');
          await expectAccessible(admin);
          await card.getByRole('button', { name: `Approve ${displayName}` }).click();
          await expect.poll(() => card.count(), soon).toBe(0);
        });

        await page.getByRole('button', { name: 'Check again' }).click();
        await expect.poll(() => page.getByText('Approved.').isVisible(), soon).toBe(true);
        // The counselor role arrives a moment after the approval; the page waits for it.
        await page.getByRole('link', { name: 'Publish the sessions you offer' }).click();
        await expect.poll(() => page.getByRole('heading', { name: 'Your offerings' }).isVisible(), soon).toBe(true);
        // The header links to the practice now; a phone folds them behind Menu.
        if (journey.viewport === PHONE) await page.getByRole('button', { name: 'Menu' }).click();
        await expect.poll(() => page.getByRole('link', { name: 'My practice' }).isVisible(), soon).toBe(true);
        await page.getByLabel('Title').fill('Free first chat');
        await page.getByLabel('Mode').selectOption('chat');
        await page.getByLabel('Length (minutes)').fill('30');
        await page.getByLabel('Free (for example a first chat)').check();
        await page.getByRole('button', { name: 'Publish' }).click();
        await expect.poll(() => page.getByText('Published “Free first chat”.').isVisible(), soon).toBe(true);
        await expectAccessible(page);

        const counselorNav = page.getByRole('navigation', { name: 'My practice' });
        await counselorNav.getByRole('link', { name: 'Hours' }).click();
        await expect.poll(() => page.getByRole('heading', { name: 'Your hours' }).isVisible(), soon).toBe(true);
        await expect.poll(() => page.getByRole('button', { name: 'Add hours on Monday' }).isVisible(), soon).toBe(true);
        for (const day of DAYS) await page.getByRole('button', { name: `Add hours on ${day}` }).click();
        await page.getByLabel('Minimum notice (minutes)').fill('0');
        await page.getByRole('button', { name: 'Save hours' }).click();
        await expect.poll(() => page.getByText('Saved. Clients see your new times now.').isVisible(), soon).toBe(true);
        await expectAccessible(page);

        // A client books the first open slot over the API.
        const client = await registerUser(`client-${journey.name}`);
        const { offeringId, startsAt } = await firstOpenSlot(applicant.user.id);
        const booking = await api(
          'POST',
          '/bookings',
          { offeringId, startsAt },
          {
            token: client.accessToken,
            headers: { 'idempotency-key': `web-staff-${journey.name}-${Date.now()}` },
          },
        );
        expect(booking.status, JSON.stringify(booking.body)).toBe(201);
        expect(booking.body.status).toBe('confirmed');

        await counselorNav.getByRole('link', { name: 'Sessions' }).click();
        await expect
          .poll(() => page.getByRole('heading', { name: 'Your sessions', exact: true }).isVisible(), soon)
          .toBe(true);
        await expect
          .poll(() => page.locator('.zone-note').first().textContent(), soon)
          .toContain('India Standard Time (Asia/Kolkata)');
        const bookedWeek = mondayOf(zonedDate(startsAt, 'Asia/Kolkata'));
        if (bookedWeek !== mondayOf(zonedDate(new Date(), 'Asia/Kolkata'))) {
          await page.getByRole('link', { name: 'Next week →' }).click();
        }
        const session = page.locator('article.session', { has: page.locator(`time[datetime="${startsAt}"]`) });
        await expect.poll(() => session.isVisible(), soon).toBe(true);
        expect(await session.textContent()).toContain('Free first chat');
        expect(await session.textContent()).toContain('Confirmed');
        await expect.poll(() => session.getByRole('button', { name: /^Cancel…/ }).isVisible(), soon).toBe(true);
        await expect
          .poll(() => page.getByLabel('Calendar link').inputValue(), soon)
          .toMatch(/\/calendar-feeds\/.+\.ics$/);
        await expectAccessible(page);
      });
    }, 180_000);
  }
});
