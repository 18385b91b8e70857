/**
 * Slot computation for a busy counselor over the longest range the API answers (31 days).
 * Run: `npm run bench` (Vitest bench). Besides Vitest's table, it prints the time per call.
 */
import { WEEKDAYS } from '@haven/contracts';
import { performance } from 'node:perf_hooks';
import { bench, describe } from 'vitest';
import {
  type BlockingBooking,
  type BusyPeriod,
  computeSlots,
  firstSlot,
  isBookableStart,
  type SlotContext,
} from '../apps/booking/src/slots/slot-calculator';

const MINUTE = 60_000;
const now = new Date('2027-03-10T06:00:00Z');
const range = { from: now, to: new Date(now.getTime() + 31 * 24 * 60 * MINUTE) };

// Three windows every day, a dozen overrides, across the March DST change in London.
const weekly = WEEKDAYS.flatMap((day) => [
  { day, start: '07:00', end: '11:30' },
  { day, start: '12:30', end: '17:00' },
  { day, start: '18:00', end: '24:00' },
]);
const overrides = Array.from({ length: 12 }, (_, i) => ({
  date: `2027-03-${String(11 + i * 2).padStart(2, '0')}`,
  windows:
    i % 3 === 0
      ? []
      : [
          { start: '06:00', end: '10:00' },
          { start: '15:00', end: '21:00' },
        ],
}));

// A booking every 75 minutes during the day where it does not collide: ~400 bookings.
const bookings: BlockingBooking[] = [];
for (let t = now.getTime() + 4 * 60 * MINUTE; t < range.to.getTime(); t += 75 * MINUTE) {
  const hour = new Date(t).getUTCHours();
  if (hour >= 7 && hour < 22)
    bookings.push({ startsAt: new Date(t), endsAt: new Date(t + 50 * MINUTE), bufferMinutes: 10 });
}
const timeOff: BusyPeriod[] = Array.from({ length: 20 }, (_, i) => {
  const start = now.getTime() + (i * 37 + 5) * 60 * MINUTE;
  return { startsAt: new Date(start), endsAt: new Date(start + 3 * 60 * MINUTE) };
});

const context: SlotContext = {
  rules: {
    timezone: 'Europe/London',
    weekly,
    overrides,
    bufferMinutes: 10,
    minNoticeMinutes: 120,
    maxAdvanceDays: 60,
    slotIntervalMinutes: 15,
  },
  durationMinutes: 50,
  now,
  bookings,
  timeOff,
};

function timePerCall(label: string, fn: () => unknown, iterations = 300): void {
  for (let i = 0; i < 20; i += 1) fn(); // warm up
  const started = performance.now();
  for (let i = 0; i < iterations; i += 1) fn();
  const perCall = (performance.now() - started) / iterations;
  console.log(`${label}: ${perCall.toFixed(3)} ms per call`);
}

const slotCount = computeSlots(context, range).length;
console.log(
  `busy counselor: ${weekly.length} weekly windows, ${overrides.length} overrides, ${bookings.length} bookings, ` +
    `${timeOff.length} time-off periods; 31 days → ${slotCount} open slots`,
);
timePerCall('computeSlots, 31 days', () => computeSlots(context, range));
timePerCall('firstSlot, 31 days', () => firstSlot(context, range), 3000);
timePerCall('isBookableStart', () => isBookableStart(context, new Date('2027-03-30T10:00:00Z')), 3000);

describe('slots for 31 days of a busy counselor', () => {
  bench('computeSlots (31 days)', () => {
    computeSlots(context, range);
  });
  bench('firstSlot (31 days)', () => {
    firstSlot(context, range);
  });
  bench('isBookableStart', () => {
    isBookableStart(context, new Date('2027-03-30T10:00:00Z'));
  });
});
