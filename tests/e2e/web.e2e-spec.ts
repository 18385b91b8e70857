import { waitFor } from '@haven/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableCounselor, type BookableCounselor } from '../support/booking';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, webOrigin, withPage } from '../support/browser';
import { registerUser } from '../support/accounts';
import { api, uniqueEmail } from '../support/http';
import { waitForMail } from '../support/mail';

/** The browser works on a busy machine: give each expectation time. */
const soon = { timeout: 15_000 };
/** A whole booking journey (a dozen pages, axe on each) on that machine. */
const JOURNEY_TIMEOUT_MS = 120_000;
const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Letters only: a word the directory's text search matches, unique to this run. */
const marker = `zw${Math.random()
  .toString(36)
  .replace(/[^a-z]/g, '')
  .slice(0, 8)}x`;

describe('the web app, served by the gateway', () => {
  it('answers deep links with the app, caches hashed assets for a year, and leaves the API and docs alone', async () => {
    const deepLink = await fetch(`${webOrigin()}/counselors/some-id?x=1`);
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-type')).toMatch(/^text\/html/);
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
    expect(deepLink.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await deepLink.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();

    const asset = await fetch(`${webOrigin()}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    expect((await fetch(`${webOrigin()}/assets/missing-1234.js`)).status).toBe(404);
    const unknownApi = await fetch(`${webOrigin()}/api/v1/no-such-route`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await fetch(`${webOrigin()}/docs-json`)).headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('the web app in a browser', () => {
  let browser: Browser;
  let anxious: BookableCounselor;
  let couples: BookableCounselor;

  beforeAll(async () => {
    const availability = {
      timezone: 'Asia/Kolkata',
      weekly: ALL_DAYS.map((day) => ({ day, start: '09:00', end: '13:00' })),
      bufferMinutes: 0,
      minNoticeMinutes: 0,
      maxAdvanceDays: 30,
    };
    [browser, anxious, couples] = await Promise.all([
      launchBrowser(),
      bookableCounselor({
        label: 'meera',
        application: {
          displayName: 'Dr. Meera Iyer',
          specialties: ['anxiety'],
          bio: `Anxiety and exam stress. ${marker}`,
        },
        offering: { title: 'Video session', pricePaise: 1_50_000 },
        availability,
      }),
      bookableCounselor({
        label: 'kabir',
        application: {
          displayName: 'Kabir Shah',
          specialties: ['relationships'],
          bio: `Couples and family. ${marker}`,
        },
        offering: { title: 'Free first chat', mode: 'chat', durationMinutes: 20, pricePaise: 0 },
        availability,
      }),
    ]);
    // Both are searchable before the browser looks.
    await waitFor(
      async () => {
        const found = await api('GET', `/counselors?q=${marker}`);
        return found.body?.total === 2 ? true : undefined;
      },
      { what: 'both counselors to be searchable', timeoutMs: 15_000 },
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  const journeys = [
    {
      name: 'phone',
      viewport: PHONE,
      timezoneId: 'Asia/Kolkata',
      zone: 'India Standard Time (Asia/Kolkata)',
      nine: /^9:00\s?am$/i,
    },
    // The counselor's 09:00 in Kolkata is 12:30 in Tokyo (neither zone has summer time).
    {
      name: 'desktop',
      viewport: DESKTOP,
      timezoneId: 'Asia/Tokyo',
      zone: 'Japan Standard Time (Asia/Tokyo)',
      nine: /^12:30\s?pm$/i,
    },
  ];

  for (const journey of journeys) {
    it(`${journey.name}: a visitor searches, filters by specialty, and sees a profile's offerings and slots in their zone`, async () => {
      const options = {
        viewport: journey.viewport,
        timezoneId: journey.timezoneId,
      };
      await withPage(browser, `search-${journey.name}`, options, async (page) => {
        await page.goto(`${webOrigin()}/`);
        await expect.poll(() => page.getByRole('link', { name: 'Call 14416' }).isVisible(), soon).toBe(true);
        await page.getByLabel('What would you like help with?').fill(marker);
        await page.getByRole('button', { name: 'Search' }).click();
        await expect.poll(() => page.getByRole('heading', { name: '2 counselors' }).isVisible(), soon).toBe(true);
        await expectAccessible(page);

        await page.getByText('Filters').click();
        const specialty = page.getByLabel('Specialty');
        await expect.poll(() => specialty.locator('option[value="anxiety"]').count(), soon).toBe(1);
        await specialty.selectOption('anxiety');
        await page.getByRole('button', { name: 'Search' }).click();
        await expect.poll(() => page.getByRole('heading', { name: '1 counselor' }).isVisible(), soon).toBe(true);
        expect(new URL(page.url()).searchParams.get('specialty')).toBe('anxiety');
        await expect.poll(() => page.getByRole('link', { name: 'Kabir Shah' }).count(), soon).toBe(0);
        await expectAccessible(page);

        // The filtered search is a link: a reload shows the same results.
        await page.reload();
        await expect.poll(() => page.getByRole('heading', { name: '1 counselor' }).isVisible(), soon).toBe(true);

        await page.getByRole('link', { name: 'Dr. Meera Iyer' }).click();
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon).toBe('Dr. Meera Iyer');
        expect(new URL(page.url()).pathname).toBe(`/counselors/${anxious.id}`);
        await expect.poll(() => page.getByText('₹1,500').isVisible(), soon).toBe(true);
        await expect
          .poll(() => page.locator('.slot-picker .zone-note').textContent(), soon)
          .toContain(`Times shown in ${journey.zone}`);
        const slots = page.locator('.slot');
        await expect.poll(() => slots.count(), soon).toBeGreaterThan(0);
        const times = (await slots.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
        expect(
          times.some((text) => journey.nine.test(text)),
          times.join(', '),
        ).toBe(true);
        await expect.poll(() => page.getByRole('link', { name: 'Sign in to book' }).isVisible(), soon).toBe(true);
        await expectAccessible(page);

        // The profile is a deep link too.
        await page.reload();
        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon).toBe('Dr. Meera Iyer');
        expect(couples.id).not.toBe(anxious.id);
      });
    });
  }

  for (const journey of journeys) {
    it(
      `${journey.name}: a client books and pays a slot through the sandbox checkout, sees it confirmed, cancels it with the refund shown first, and books a free session`,
      async () => {
        const client = await registerUser(`web-${journey.name}`);
        // Different days per viewport, at least two days ahead: a cancellation refunds in full.
        const day = journey.name === 'phone' ? 2 : 3;
        const options = { viewport: journey.viewport, timezoneId: journey.timezoneId };
        await withPage(browser, `booking-${journey.name}`, options, async (page) => {
          await page.goto(`${webOrigin()}/login?next=${encodeURIComponent(`/?q=${marker}`)}`);
          await page.getByLabel('E-mail').fill(client.email);
          await page.getByLabel('Password').fill(client.password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.getByRole('link', { name: 'Dr. Meera Iyer' }).click();

          await page.locator('.slot-day').nth(day).locator('.slot').first().click();
          await page.getByRole('button', { name: 'Book and pay ₹1,500' }).click();
          await expect
            .poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon)
            .toBe('Complete your payment');
          // Holds last 8 s on this platform: pay at once (the held page is checked for accessibility below).
          expect(await page.getByRole('timer').textContent()).toMatch(/^\d+:\d\d$/);
          const bookingPath = new URL(page.url()).pathname;

          // The sandbox's Checkout page (another origin) pays and sends the browser back with the result.
          await page.getByRole('button', { name: 'Pay ₹1,500' }).click();
          await page.getByRole('button', { name: /Pay .* with UPI/ }).click();
          await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon).toBe('You’re booked');
          expect(new URL(page.url()).pathname).toBe(bookingPath);
          // The Checkout result is handed to the API once, then dropped from the address.
          await expect.poll(() => new URL(page.url()).search, soon).toBe('');
          expect(await page.getByRole('link', { name: /Join the session/ }).getAttribute('href')).toMatch(
            /^https:\/\//,
          );
          expect(await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href')).toMatch(
            /^data:text\/calendar/,
          );
          await expectAccessible(page);

          // A reload keeps the session (the refresh cookie) and shows the booking as the API has it.
          await page.reload();
          await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon).toBe('You’re booked');

          if (journey.name === 'desktop') {
            // Moving it once, to a later open time, with the policy's deadline shown first.
            const when = await page.locator('.summary dd').nth(1).textContent();
            await expect.poll(() => page.getByText(/You can move it once, free, until/).isVisible(), soon).toBe(true);
            await page.getByRole('button', { name: 'Change time' }).click();
            await page
              .locator('.slot-day')
              .nth(day + 2)
              .locator('.slot')
              .first()
              .click();
            await page.getByRole('button', { name: 'Move to this time' }).click();
            await expect.poll(() => page.getByText('This booking was moved once already').isVisible(), soon).toBe(true);
            expect(await page.locator('.summary dd').nth(1).textContent()).not.toBe(when);
            await expectAccessible(page);
          }

          await page.getByRole('button', { name: 'Cancel booking' }).click();
          await expect
            .poll(() => page.locator('.refund-preview').textContent(), soon)
            .toBe('You will get ₹1,500 back, the full amount.');
          await expectAccessible(page);
          await page.getByRole('button', { name: 'Yes, cancel' }).click();
          await expect
            .poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon)
            .toBe('Booking cancelled');
          expect(await page.locator('.refund').textContent()).toMatch(/^Refund: ₹1,500, (on its way|sent)\.$/);

          await page.goto(`${webOrigin()}/counselors/${couples.id}`);
          await page.locator('.slot-day').nth(day).locator('.slot').first().click();
          await page.getByRole('button', { name: 'Book free session' }).click();
          await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon).toBe('You’re booked');
          expect(await page.getByRole('status').filter({ hasText: 'free session' }).count()).toBe(1);

          if (journey.name === 'phone') {
            // The inbox has the confirmations (more may still arrive); marking one read shows it read.
            const inbox = page.getByRole('link', { name: /^Inbox/ });
            await expect.poll(() => inbox.textContent(), soon).toMatch(/^Inbox\d+ unread$/);
            await inbox.click();
            const markRead = page.getByRole('button', { name: /^Mark as read/ });
            await expect.poll(() => markRead.count(), soon).toBeGreaterThan(0);
            expect(await page.locator('li.card:not(.unread)').count()).toBe(0);
            await expectAccessible(page);
            await markRead.first().click();
            await expect.poll(() => page.locator('li.card:not(.unread)').count(), soon).toBe(1);

            await page.getByRole('link', { name: 'Notification settings' }).click();
            const sms = page.getByRole('checkbox', { name: /SMS/ });
            await expect.poll(() => sms.isVisible(), soon).toBe(true);
            await sms.check();
            await page.getByRole('button', { name: 'Save settings' }).click();
            await expect.poll(() => page.getByText('Saved.').isVisible(), soon).toBe(true);
            await expectAccessible(page);
            const preferences = await api('GET', '/me/notification-preferences', undefined, {
              token: client.accessToken,
            });
            expect(preferences.body.sms).toBe(true);
            await page.getByRole('button', { name: 'Menu' }).click();
          }

          await page.getByRole('link', { name: 'My bookings' }).first().click();
          await expect.poll(() => page.locator('.booking-card').count(), soon).toBe(1);
          expect(await page.locator('.booking-card').textContent()).toContain('Kabir Shah · Free first chat');
          await page.getByRole('button', { name: 'Past and cancelled' }).click();
          await expect.poll(() => page.locator('.booking-card').textContent(), soon).toContain('Refund ₹1,500');
          await expectAccessible(page);

          // A held, unpaid booking: its countdown, the crisis note, and giving the time back.
          await page.goto(`${webOrigin()}/counselors/${anxious.id}`);
          await page
            .locator('.slot-day')
            .nth(day + 1)
            .locator('.slot')
            .first()
            .click();
          await page.getByRole('button', { name: 'Book and pay ₹1,500' }).click();
          await expect
            .poll(() => page.getByRole('heading', { level: 1 }).textContent(), soon)
            .toBe('Complete your payment');
          expect(await page.getByRole('complementary', { name: 'If you are in danger now' }).textContent()).toContain(
            '14416',
          );
          await expectAccessible(page);
        });
      },
      JOURNEY_TIMEOUT_MS,
    );
  }

  it('registration shows the API’s field error beside the field, then signs in, edits the account, signs out and back in', async () => {
    const email = uniqueEmail('web');
    const password = 'a calm long passphrase';
    await withPage(browser, 'account-phone', { viewport: PHONE, timezoneId: 'Asia/Kolkata' }, async (page) => {
      await page.goto(`${webOrigin()}/register`);
      await page.getByLabel('Your name').fill('Priya Nair');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(password);
      const phone = page.getByLabel('Phone (optional)');
      await phone.fill('12345');
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect.poll(() => phone.getAttribute('aria-invalid'), soon).toBe('true');
      const errorId = (await phone.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
      expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/international phone number/);
      await expectAccessible(page);

      await phone.fill('+919876543210');
      await page.getByRole('button', { name: 'Create account' }).click();
      // On a phone the header keeps the inbox in view and folds the other links behind Menu.
      await expect.poll(() => page.getByRole('link', { name: 'Inbox' }).isVisible(), soon).toBe(true);
      await expect.poll(() => new URL(page.url()).pathname, soon).toBe('/');
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('link', { name: 'Account' }).click();
      await expect.poll(() => page.getByLabel('Name').inputValue(), soon).toBe('Priya Nair');
      expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Kolkata');
      await page.getByLabel('Name').fill('Priya N.');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByText('Saved.').isVisible(), soon).toBe(true);
      await expectAccessible(page);

      await menu.click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(() => page.getByRole('link', { name: 'Inbox' }).count(), soon).toBe(0);
      await expect.poll(() => new URL(page.url()).pathname, soon).toBe('/');
      await menu.click();
      await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).isVisible(), soon).toBe(true);

      // Signed out (the refresh cookie is gone too, so a fresh load stays signed out), the account
      // page asks to sign in and returns there after.
      await page.goto(`${webOrigin()}/account`);
      await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible(), soon).toBe(true);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent(), soon).toMatch(/.+/);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByLabel('Name').inputValue(), soon).toBe('Priya N.');
      expect(new URL(page.url()).pathname).toBe('/account');
      await expectAccessible(page);
    });
  });

  it('desktop: the password-reset link from the e-mail sets a new password; a bad link says so', async () => {
    const user = await registerUser('web-reset');
    const newPassword = 'a brand new long passphrase';
    await withPage(browser, 'reset-desktop', { viewport: DESKTOP, timezoneId: 'Asia/Kolkata' }, async (page) => {
      await page.goto(`${webOrigin()}/reset-password?token=${'x'.repeat(43)}`);
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Repeat the new password').fill(newPassword);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expect.poll(() => page.getByRole('alert').first().isVisible(), soon).toBe(true);
      await expect.poll(() => page.getByRole('link', { name: 'Ask for a new link' }).isVisible(), soon).toBe(true);
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Ask for a new link' }).click();
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent(), soon).toContain(user.email);
      await expectAccessible(page);

      const mail = await waitForMail(user.email, /reset your haven password/i);
      const link = /\/reset-password\?token=[^\s"<&]+/.exec(mail.text)?.[0];
      expect(link, mail.text).toBeDefined();
      await page.goto(`${webOrigin()}${link}`);
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Repeat the new password').fill(`${newPassword}!`);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expect.poll(() => page.getByText('The two passwords differ').isVisible(), soon).toBe(true);
      await page.getByLabel('Repeat the new password').fill(newPassword);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent(), soon)
        .toContain('Your password is changed');

      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await page.getByLabel('E-mail').fill(user.email);
      await page.getByLabel('Password').fill(newPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('link', { name: /^Inbox/ }).isVisible(), soon).toBe(true);
    });
  });
});
