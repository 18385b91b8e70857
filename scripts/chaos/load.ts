import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type GatewayClient, send } from './http';
import type { SeededRandom } from './random';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/**
 * Everyone's reminder offsets (at most five): with sessions booked a few minutes ahead, they come
 * due during the run, a minute apart, wherever the 5-minute slot grid puts the start.
 */
export const REMINDER_OFFSETS = [5, 4, 3, 2, 1];
/** How often a client tries to hold its near-term session when others take the slots first. */
const NEAR_TERM_ATTEMPTS = 3;
/** A near-term session starts this soon at the earliest: its 1-minute reminder fires a quarter minute after booking. */
const NEAR_TERM_LEAD_MS = 75_000;
/** ... and starts within this window after that (one slot on the 5-minute grid at least). */
const NEAR_TERM_WINDOW_MS = 6 * MINUTE;

export interface Counselor {
  id: string;
  offeringId: string;
  pricePaise: number;
}

export interface Client {
  id: string;
  email: string;
  token: string;
}

interface Booking {
  id: string;
  counselorId: string;
  status: string;
  startsAt: string;
  expiresAt?: string;
  payment?: { orderId: string };
}

/** Fails the run's setup with what the API said. */
function expectStatus(what: string, reply: { outcome: unknown; body: unknown }, ...statuses: number[]): void {
  if (!statuses.includes(reply.outcome as number)) {
    throw new Error(`${what}: ${String(reply.outcome)} ${JSON.stringify(reply.body)?.slice(0, 300)}`);
  }
}

async function retrying<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not succeed within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/**
 * Before any fault: approved counselors open around the clock (UTC, no buffer, no notice) with one
 * paid 15-minute offering each, and everyone's reminders a few minutes ahead.
 */
export async function seedPlatform(
  api: GatewayClient,
  admin: { email: string; password: string },
  counts: { counselors: number; clients: number },
  random: SeededRandom,
): Promise<{ counselors: Counselor[]; clients: Client[] }> {
  const adminLogin = await api.call('setup', 'POST', '/auth/login', { body: admin });
  expectStatus('admin login', adminLogin, 200);
  const adminToken = adminLogin.body.accessToken as string;

  const counselors: Counselor[] = [];
  for (let index = 0; index < counts.counselors; index += 1) {
    const user = await register(api, `counselor${index}`);
    const application = await api.call('setup', 'POST', '/counselor-applications', {
      token: user.token,
      body: {
        displayName: `Dr. Chaos ${index}`,
        bio: 'Counselling psychologist for anxiety and stress, here to be booked under fire.',
        qualifications: ['M.Phil Clinical Psychology'],
        registration: { body: 'RCI', number: `C${random.int(100_000, 999_999)}` },
        yearsExperience: 5,
        languages: ['en'],
        specialties: ['anxiety', 'stress'],
      },
    });
    expectStatus('application', application, 201);
    expectStatus(
      'approval',
      await api.call('setup', 'POST', `/admin/counselor-applications/${application.body.id}/approve`, {
        token: adminToken,
        body: {},
      }),
      200,
    );
    const token = await retrying('the counselor role', async () => {
      const login = await api.call('setup', 'POST', '/auth/login', {
        body: { email: user.email, password: user.password },
      });
      return login.outcome === 200 && (login.body.user.roles as string[]).includes('counselor')
        ? (login.body.accessToken as string)
        : undefined;
    });
    const pricePaise = random.int(3, 20) * 10_000;
    const offering = await api.call('setup', 'POST', '/counselor/offerings', {
      token,
      body: { title: 'Video session', mode: 'video', durationMinutes: 15, pricePaise },
    });
    expectStatus('offering', offering, 201);
    await retrying('the offering to reach booking', async () => {
      const slots = await api.call('setup', 'GET', `/counselors/${user.id}/slots?offeringId=${offering.body.id}`);
      return slots.outcome === 200 ? true : undefined;
    });
    expectStatus(
      'availability',
      await api.call('setup', 'PUT', '/counselor/availability', {
        token,
        body: {
          timezone: 'UTC',
          weekly: ALL_DAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
          bufferMinutes: 0,
          minNoticeMinutes: 0,
          maxAdvanceDays: 30,
          slotIntervalMinutes: 5,
        },
      }),
      200,
    );
    await setReminders(api, token);
    counselors.push({ id: user.id, offeringId: offering.body.id, pricePaise });
  }

  const clients: Client[] = [];
  for (let index = 0; index < counts.clients; index += 1) {
    const user = await register(api, `client${index}`);
    await setReminders(api, user.token);
    clients.push({ id: user.id, email: user.email, token: user.token });
  }
  return { counselors, clients };
}

async function setReminders(api: GatewayClient, token: string): Promise<void> {
  expectStatus(
    'reminder preferences',
    await api.call('setup', 'PUT', '/me/notification-preferences', {
      token,
      body: { email: true, sms: false, inApp: true, reminders: REMINDER_OFFSETS },
    }),
    200,
  );
}

async function register(api: GatewayClient, label: string) {
  const email = `${label}.${randomUUID().slice(0, 8)}@chaos.test`;
  const password = `chaos-${randomUUID()}`;
  const reply = await api.call('setup', 'POST', '/auth/register', {
    body: { email, password, name: `${label} Chaos` },
  });
  expectStatus(`register ${label}`, reply, 201);
  return { id: reply.body.user.id as string, email, password, token: reply.body.accessToken as string };
}

export type Operation =
  | 'book-near-term'
  | 'search'
  | 'book-and-pay'
  | 'book-pay-webhook-only'
  | 'abandon-hold'
  | 'pay-late'
  | 'cancel'
  | 'reschedule'
  | 'read';

const OPERATION_WEIGHTS: Record<Exclude<Operation, 'book-near-term'>, number> = {
  search: 20,
  'book-and-pay': 30,
  'book-pay-webhook-only': 10,
  'abandon-hold': 8,
  'pay-late': 4,
  cancel: 12,
  reschedule: 10,
  read: 6,
};

export interface LoadOptions {
  api: GatewayClient;
  sandboxUrl: string;
  counselors: Counselor[];
  random: SeededRandom;
  until: number;
}

/**
 * One client's session until `until`: seeded choices of what to do next, each done as a careful
 * client would (an Idempotency-Key on creating calls, retried on 5xx, verify retried until it
 * lands). Returns how many of each operation it started.
 */
export async function runClient(client: Client, options: LoadOptions): Promise<Map<Operation, number>> {
  const { random } = options;
  const started = new Map<Operation, number>();
  const mine: Booking[] = [];
  // Every client first books and pays a session a minute or two ahead, so that reminders come due
  // (and must fire exactly once) while the faults are injected, not only after the run is over. It
  // tries again when another client took the slot, and keeps the booking out of `mine`, so its own
  // later cancels and reschedules cannot leave a run with no reminder due.
  const nearTerm: Booking[] = [];
  for (let attempt = 1; attempt <= NEAR_TERM_ATTEMPTS && nearTerm.length === 0; attempt += 1) {
    started.set('book-near-term', attempt);
    try {
      await perform('book-near-term', client, nearTerm, options);
    } catch (error) {
      console.warn(`[chaos] book-near-term of ${client.email} broke off: ${(error as Error).message}`);
    }
  }
  while (Date.now() < options.until) {
    const operation = random.weighted(OPERATION_WEIGHTS);
    started.set(operation, (started.get(operation) ?? 0) + 1);
    try {
      await perform(operation, client, mine, options);
    } catch (error) {
      console.warn(`[chaos] ${operation} of ${client.email} broke off: ${(error as Error).message}`);
    }
    await sleep(random.int(50, 400));
  }
  return started;
}

async function perform(operation: Operation, client: Client, mine: Booking[], options: LoadOptions): Promise<void> {
  const { api, random } = options;
  const token = client.token;
  switch (operation) {
    case 'search': {
      const from = new Date(Date.now() + random.int(0, 3) * DAY).toISOString();
      const to = new Date(Date.parse(from) + DAY).toISOString();
      await api.call(
        'search',
        'GET',
        `/counselors?specialty=anxiety&availableFrom=${from}&availableTo=${to}&sort=${random.pick(['price', 'rating', 'availability'])}`,
      );
      return;
    }
    case 'read': {
      await api.call('read', 'GET', '/bookings?role=client', { token });
      await api.call('read', 'GET', '/me/notifications', { token });
      return;
    }
    case 'book-near-term':
    case 'book-and-pay':
    case 'book-pay-webhook-only':
    case 'abandon-hold':
    case 'pay-late': {
      const booking = await hold(
        client,
        options,
        operation === 'abandon-hold' || operation === 'pay-late'
          ? 'far'
          : operation === 'book-near-term'
            ? 'soon'
            : undefined,
      );
      if (!booking) return;
      mine.push(booking);
      if (operation === 'abandon-hold') return;
      if (operation === 'pay-late') await sleep(Math.max(0, Date.parse(booking.expiresAt!) - Date.now()) + 3000);
      const paid = await pay(options, booking.payment!.orderId);
      if (!paid) return;
      if (operation !== 'book-pay-webhook-only') await verify(client, options, booking, paid);
      return;
    }
    case 'cancel': {
      const booking = await refreshedConfirmed(client, mine, options, () => true);
      if (!booking) return;
      await withRetries(() =>
        api.call('cancel', 'POST', `/bookings/${booking.id}/cancel`, {
          token,
          body: { reason: 'chaos' },
          headers: { 'idempotency-key': `cancel-${booking.id}` },
        }),
      );
      return;
    }
    case 'reschedule': {
      const booking = await refreshedConfirmed(
        client,
        mine,
        options,
        (b) => Date.parse(b.startsAt) > Date.now() + 13 * 3_600_000,
      );
      if (!booking) return;
      const counselor = options.counselors.find((candidate) => candidate.id === booking.counselorId);
      if (!counselor) return;
      const slot = await pickSlot(options, counselor, 'far');
      if (!slot) return;
      const rescheduleKey = randomUUID();
      await withRetries(() =>
        api.call('reschedule', 'POST', `/bookings/${booking.id}/reschedule`, {
          token,
          body: { startsAt: slot },
          headers: { 'idempotency-key': rescheduleKey },
        }),
      );
      return;
    }
  }
}

/** Holds a slot: soon (a few minutes ahead, so reminders come due) or days ahead. */
async function hold(client: Client, options: LoadOptions, horizon?: 'soon' | 'far'): Promise<Booking | undefined> {
  const { api, random } = options;
  const counselor = random.pick(options.counselors);
  const slot = await pickSlot(options, counselor, horizon ?? (random.chance(0.35) ? 'soon' : 'far'));
  if (!slot) return undefined;
  const key = randomUUID();
  const reply = await withRetries(() =>
    api.call<Booking>('hold', 'POST', '/bookings', {
      token: client.token,
      body: { offeringId: counselor.offeringId, startsAt: slot },
      headers: { 'idempotency-key': key },
    }),
  );
  return reply.outcome === 201 ? reply.body : undefined;
}

async function pickSlot(
  options: LoadOptions,
  counselor: Counselor,
  horizon: 'soon' | 'far',
): Promise<string | undefined> {
  const { api, random } = options;
  const from =
    horizon === 'soon'
      ? Date.now() + NEAR_TERM_LEAD_MS
      : Date.now() + random.int(1, 6) * DAY + random.int(0, 12) * 3_600_000;
  // A slot is listed only when the whole session fits the range: ask wide, pick among the first starts.
  const to = horizon === 'soon' ? from + 25 * MINUTE : from + 3 * 3_600_000;
  const reply = await api.call<{ slots: { startsAt: string }[] }>(
    'slots',
    'GET',
    `/counselors/${counselor.id}/slots?offeringId=${counselor.offeringId}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
  );
  if (reply.outcome !== 200 || reply.body.slots.length === 0) return undefined;
  // Near-term means minutes away (so its reminders come due during the run), not whatever is free.
  const slots =
    horizon === 'soon'
      ? reply.body.slots.filter((slot) => Date.parse(slot.startsAt) < from + NEAR_TERM_WINDOW_MS)
      : reply.body.slots;
  return slots.length > 0 ? random.pick(slots).startsAt : undefined;
}

/** Pays the order as the customer would in Checkout (the sandbox is not under fire itself). */
async function pay(options: LoadOptions, orderId: string) {
  const reply = await send(`${options.sandboxUrl}/sandbox/orders/${orderId}/pay`, 'POST', {
    body: { outcome: 'success', method: 'upi' },
  });
  options.api.calls.push({ kind: 'pay', outcome: reply.outcome, startedAt: Date.now(), ms: 0, gateway: -1 });
  return reply.outcome === 200
    ? (reply.body as { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string })
    : undefined;
}

async function verify(
  client: Client,
  options: LoadOptions,
  booking: Booking,
  paid: { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string },
): Promise<void> {
  await withRetries(
    () =>
      options.api.call('verify', 'POST', `/bookings/${booking.id}/payment/verify`, {
        token: client.token,
        body: {
          razorpayOrderId: paid.razorpay_order_id,
          razorpayPaymentId: paid.razorpay_payment_id,
          razorpaySignature: paid.razorpay_signature,
        },
      }),
    6,
  );
}

/** One of the client's bookings that is confirmed right now (as the API says) and matches `wanted`. */
async function refreshedConfirmed(
  client: Client,
  mine: Booking[],
  options: LoadOptions,
  wanted: (booking: Booking) => boolean,
): Promise<Booking | undefined> {
  const candidates = mine.filter(wanted);
  if (candidates.length === 0) return undefined;
  const booking = options.random.pick(candidates);
  const reply = await options.api.call<Booking>('read', 'GET', `/bookings/${booking.id}`, { token: client.token });
  if (reply.outcome !== 200) return undefined;
  Object.assign(booking, reply.body);
  return booking.status === 'confirmed' ? booking : undefined;
}

/** Retries on 5xx, refusal and cut connections, as a client with the same Idempotency-Key would. */
async function withRetries<T extends { outcome: unknown }>(call: () => Promise<T>, attempts = 4): Promise<T> {
  let reply = await call();
  for (let attempt = 1; attempt < attempts && !isFinal(reply.outcome); attempt += 1) {
    await sleep(500 * attempt);
    reply = await call();
  }
  return reply;
}

function isFinal(outcome: unknown): boolean {
  return typeof outcome === 'number' && outcome < 500;
}
