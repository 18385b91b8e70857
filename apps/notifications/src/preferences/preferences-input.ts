import { type NotificationPreferences, REMINDER_LIMITS } from '@haven/contracts';
import { DomainError } from '@haven/common';

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
  const problems: { field: string; message: string }[] = [];
  for (const field of Object.keys(input)) {
    if (!FIELDS.includes(field)) problems.push({ field, message: 'is not a preference' });
  }
  const update: Partial<NotificationPreferences> = {};
  for (const field of SWITCHES) {
    const value = input[field];
    if (value === undefined) continue;
    if (typeof value === 'boolean') update[field] = value;
    else problems.push({ field, message: 'must be true or false' });
  }
  if (input.reminders !== undefined) {
    const reminders = input.reminders;
    if (!Array.isArray(reminders)) {
      problems.push({ field: 'reminders', message: 'must be an array of minutes before the session' });
    } else if (reminders.length > REMINDER_LIMITS.maxCount) {
      problems.push({ field: 'reminders', message: `must hold at most ${REMINDER_LIMITS.maxCount} entries` });
    } else {
      reminders.forEach((value, index) => {
        if (!isReminderOffset(value)) {
          problems.push({
            field: `reminders[${index}]`,
            message: `must be a whole number of minutes from ${REMINDER_LIMITS.minMinutes} to ${REMINDER_LIMITS.maxMinutes}`,
          });
        }
      });
      update.reminders = normalizeReminders(reminders as number[]);
    }
  }
  if (problems.length > 0) {
    throw DomainError.validation(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
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
