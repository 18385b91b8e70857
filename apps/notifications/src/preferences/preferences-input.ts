import { type NotificationPreferences, REMINDER_LIMITS } from '@haven/contracts';
import { DomainError, FieldErrors } from '@haven/common';

const SWITCHES = ['email', 'sms', 'inApp'] as const;
const FIELDS: readonly string[] = [...SWITCHES, 'reminders'];

/**
 * Reads a preferences update (any of the fields; omitted ones keep their value). Every problem is
 * a validation error naming its field: `reminders[1]: must be a whole number of minutes from 1 to 10080`.
 */
export function parsePreferencesUpdate(body: unknown): Partial<NotificationPreferences> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.validation('The request body must be an object');
  }
  const input = body as Record<string, unknown>;
  const errors = new FieldErrors();
  for (const field of Object.keys(input)) {
    if (!FIELDS.includes(field)) errors.add(field, 'is not a preference');
  }
  const update: Partial<NotificationPreferences> = {};
  for (const field of SWITCHES) {
    const value = input[field];
    if (value === undefined) continue;
    if (typeof value === 'boolean') update[field] = value;
    else errors.add(field, 'must be true or false');
  }
  if (input.reminders !== undefined) {
    const reminders = input.reminders;
    if (!Array.isArray(reminders)) {
      errors.add('reminders', 'must be an array of minutes before the session');
    } else if (reminders.length > REMINDER_LIMITS.maxCount) {
      errors.add('reminders', `must hold at most ${REMINDER_LIMITS.maxCount} entries`);
    } else {
      reminders.forEach((value, index) => {
        if (!isReminderOffset(value)) {
          errors.add(
            `reminders[${index}]`,
            `must be a whole number of minutes from ${REMINDER_LIMITS.minMinutes} to ${REMINDER_LIMITS.maxMinutes}`,
          );
        }
      });
      update.reminders = normalizeReminders(reminders as number[]);
    }
  }
  errors.throwIfAny();
  return update;
}

export function isReminderOffset(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= REMINDER_LIMITS.minMinutes &&
    value <= REMINDER_LIMITS.maxMinutes
  );
}

/** Each offset once, the earliest reminder (largest offset) first. */
export function normalizeReminders(reminders: readonly number[]): number[] {
  return [...new Set(reminders)].sort((a, b) => b - a);
}
