import { z } from 'zod';
import { wholeNumber } from './whole-number';
import type { Availability, AvailabilityInput } from '../api/availability';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const DAY_NAMES: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Enter a time, e.g. 09:00');
const window = z
  .object({ start: time, end: time })
  .refine((w) => w.start < w.end, { message: 'Must end after it starts', path: ['end'] });

/** The hours page's form: the weekly pattern, date overrides and booking rules, in the counselor's zone. */
export const hoursFormSchema = z.object({
  timezone: z.string().min(1, 'Choose a time zone'),
  weekly: z.array(window.and(z.object({ day: z.enum(DAYS) }))),
  overrides: z.array(
    z.object({
      date: z.iso.date('Choose a date'),
      dayOff: z.boolean(),
      windows: z.array(window),
    }),
  ),
  bufferMinutes: wholeNumber(0, 120, 'minutes'),
  minNoticeMinutes: wholeNumber(0, 43_200, 'minutes'),
  maxAdvanceDays: wholeNumber(1, 365, 'days'),
  /** Empty: slots start every session length. */
  slotIntervalMinutes: z.union([z.literal(''), wholeNumber(5, 240, 'minutes')]),
});
export type HoursFormInput = z.input<typeof hoursFormSchema>;
export type HoursForm = z.output<typeof hoursFormSchema>;

function byDayThenStart(a: { day: Day; start: string }, b: { day: Day; start: string }): number {
  return DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.start.localeCompare(b.start);
}

export function formFromAvailability(availability: Availability): HoursFormInput {
  return {
    timezone: availability.timezone,
    weekly: [...availability.weekly].sort(byDayThenStart),
    overrides: [...availability.overrides]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((o) => ({ date: o.date, dayOff: o.windows.length === 0, windows: o.windows })),
    bufferMinutes: availability.bufferMinutes,
    minNoticeMinutes: availability.minNoticeMinutes,
    maxAdvanceDays: availability.maxAdvanceDays,
    slotIntervalMinutes: availability.slotIntervalMinutes ?? '',
  };
}

/** The PUT body. Weekly windows keep the form's order, so an error about `weekly[2]` names the form's row 2. */
export function availabilityFromForm(form: HoursForm): AvailabilityInput {
  return {
    timezone: form.timezone,
    weekly: form.weekly.map(({ day, start, end }) => ({ day, start, end })),
    overrides: form.overrides.map((o) => ({ date: o.date, windows: o.dayOff ? [] : o.windows })),
    bufferMinutes: form.bufferMinutes,
    minNoticeMinutes: form.minNoticeMinutes,
    maxAdvanceDays: form.maxAdvanceDays,
    slotIntervalMinutes: form.slotIntervalMinutes === '' ? null : form.slotIntervalMinutes,
  };
}

/** Every field path of the form as react-hook-form names it (`weekly.2.end`), for placing API errors. */
export function hoursFieldPaths(form: HoursFormInput): string[] {
  const paths = [
    'timezone',
    'weekly',
    'overrides',
    'bufferMinutes',
    'minNoticeMinutes',
    'maxAdvanceDays',
    'slotIntervalMinutes',
  ];
  form.weekly.forEach((_, i) => paths.push(`weekly.${i}.start`, `weekly.${i}.end`, `weekly.${i}.day`, `weekly.${i}`));
  form.overrides.forEach((o, i) => {
    paths.push(`overrides.${i}`, `overrides.${i}.date`, `overrides.${i}.windows`);
    o.windows.forEach((_, j) => paths.push(`overrides.${i}.windows.${j}.start`, `overrides.${i}.windows.${j}.end`));
  });
  return paths;
}

/** The API names array entries `weekly[2].end`; react-hook-form names them `weekly.2.end`. */
export function formPath(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1');
}
