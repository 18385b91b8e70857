/** What a notification is about; the `type` of an in-app message (api.md lists the minimum). */
export const NOTIFICATION_TYPES = [
  'booking.confirmed',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.reminder',
  'booking.expired',
  'payment.failed',
  'refund.processed',
  'refund.failed',
  'counselor.application-submitted',
  'counselor.application-decided',
  'counselor.suspended',
  'reconciliation.mismatch',
  'account.password-reset',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** An in-app message of api.md. */
export interface NotificationView {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  /** Ids and facts a client can link to (bookingId, applicationId, ...). */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  inApp: boolean;
  /** Minutes before a session starts at which to remind, latest first. */
  reminders: number[];
}

export const DEFAULT_NOTIFICATION_PREFERENCES: Readonly<NotificationPreferences> = Object.freeze({
  email: true,
  sms: false,
  inApp: true,
  reminders: Object.freeze([1440, 60]) as number[],
});
