/** api.md: reminders 1–10080 minutes before the start, at most 5 of them. */
export const REMINDER_LIMITS = { minMinutes: 1, maxMinutes: 10_080, maxCount: 5 } as const;
