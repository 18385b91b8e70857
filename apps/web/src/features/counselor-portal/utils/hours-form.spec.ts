import { describe, expect, it } from 'vitest';
import type { Availability } from '../api/availability';
import { availabilityFromForm, formFromAvailability, formPath, hoursFieldPaths, hoursFormSchema } from './hours-form';

const saved: Availability = {
  timezone: 'Europe/London',
  weekly: [
    { day: 'wed', start: '14:00', end: '18:00' },
    { day: 'mon', start: '13:00', end: '17:00' },
    { day: 'mon', start: '09:00', end: '12:00' },
  ],
  overrides: [
    { date: '2026-12-31', windows: [{ start: '10:00', end: '12:00' }] },
    { date: '2026-12-25', windows: [] },
  ],
  bufferMinutes: 10,
  minNoticeMinutes: 120,
  maxAdvanceDays: 30,
  slotIntervalMinutes: null,
};

describe('the hours form', () => {
  it('shows windows by day and time and overrides by date, an empty override as a day off', () => {
    const form = formFromAvailability(saved);
    expect(form.weekly.map((w) => `${w.day} ${w.start}`)).toEqual(['mon 09:00', 'mon 13:00', 'wed 14:00']);
    expect(form.overrides.map((o) => [o.date, o.dayOff])).toEqual([
      ['2026-12-25', true],
      ['2026-12-31', false],
    ]);
    expect(form.slotIntervalMinutes).toBe('');
  });

  it('saves what it showed, a day off as no windows even if some were typed before ticking it', () => {
    const form = hoursFormSchema.parse(formFromAvailability(saved));
    form.overrides[0]!.windows = [{ start: '09:00', end: '10:00' }];
    const body = availabilityFromForm(form);
    expect(body.overrides).toEqual([
      { date: '2026-12-25', windows: [] },
      { date: '2026-12-31', windows: [{ start: '10:00', end: '12:00' }] },
    ]);
    expect(body.slotIntervalMinutes).toBeNull();
    expect(body.weekly).toHaveLength(3);
  });

  it('refuses a window that ends before it starts, naming its end', () => {
    const input = formFromAvailability(saved);
    input.weekly[0] = { day: 'mon', start: '12:00', end: '09:00' };
    const result = hoursFormSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('weekly.0.end');
  });

  it('reads minute fields typed as text and refuses out-of-range ones', () => {
    const input = { ...formFromAvailability(saved), bufferMinutes: '15', slotIntervalMinutes: '30' };
    expect(hoursFormSchema.parse(input)).toMatchObject({ bufferMinutes: 15, slotIntervalMinutes: 30 });
    expect(hoursFormSchema.safeParse({ ...input, bufferMinutes: '121' }).success).toBe(false);
  });

  it("places the API's array errors on the form's rows", () => {
    expect(formPath('weekly[2].end')).toBe('weekly.2.end');
    expect(formPath('overrides[0].windows[1].start')).toBe('overrides.0.windows.1.start');
    expect(hoursFieldPaths(formFromAvailability(saved))).toContain('overrides.1.windows.0.start');
  });
});
