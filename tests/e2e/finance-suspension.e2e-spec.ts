import type { CounselorView, Page } from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import { loginAdmin } from '../support/accounts';
import { client, getBooking, openCounselor, openSlots, waitForBooking } from '../support/bookings';
import { paidBooking } from '../support/finance';
import { api } from '../support/http';
import { aboutBooking, waitForMessage } from '../support/notifications';

describe('counselor suspension and reinstatement', () => {
  it('refunds future bookings in full and tells the client; hides the counselor; reinstating shows them again, bookings stay cancelled', async () => {
    // A name of its own: the shared e2e directory holds many a 'Dr. Asha Rao', more than a page of them.
    const counselor = await openCounselor(
      { pricePaise: 30_000 },
      {
        displayName: `Dr. Suspended ${Math.random()
          .toString(36)
          .replace(/[^a-z]/g, '')
          .slice(0, 8)}`,
      },
    );
    const display = counselor.application.displayName;
    const { accessToken: clientToken } = await client('suspended-client');
    const [slot] = await openSlots(counselor, 4);
    const booking = await paidBooking(clientToken, counselor, slot);
    const admin = await loginAdmin();
    const slotsStatus = async () =>
      (await api('GET', `/counselors/${counselor.id}/slots?offeringId=${counselor.offering.id}`)).status;
    const listed = async () =>
      (await api<Page<CounselorView>>('GET', `/counselors?q=${encodeURIComponent(display)}&limit=100`)).body.items.some(
        (item) => item.id === counselor.id,
      );
    expect(await listed()).toBe(true);

    const suspended = await api(
      'POST',
      `/admin/counselors/${counselor.id}/suspend`,
      { reason: 'Complaint under review' },
      { token: admin },
    );
    expect(suspended.status, suspended.text).toBe(200);
    // Gone from the profile and search at once, and from slots as soon as the booking service hears.
    expect((await api('GET', `/counselors/${counselor.id}`)).status).toBe(404);
    expect(await listed()).toBe(false);
    await expect.poll(slotsStatus, { timeout: 10_000 }).not.toBe(200);

    const refunded = await waitForBooking(
      clientToken,
      booking.id,
      (b) => b.refund?.status === 'processed',
      'suspension refund',
    );
    expect(refunded).toMatchObject({ status: 'cancelled', refund: { amountPaise: 30_000, status: 'processed' } });
    await waitForMessage(clientToken, 'booking.cancelled', aboutBooking(booking.id));

    const reinstated = await api('POST', `/admin/counselors/${counselor.id}/reinstate`, {}, { token: admin });
    expect(reinstated.status, reinstated.text).toBe(200);
    expect((await api('GET', `/counselors/${counselor.id}`)).status).toBe(200);
    expect(await listed()).toBe(true);
    await expect.poll(slotsStatus, { timeout: 10_000 }).toBe(200);
    expect(await openSlots(counselor, 4)).toContain(slot);
    expect((await getBooking(clientToken, booking.id)).status).toBe('cancelled');
  });
});
