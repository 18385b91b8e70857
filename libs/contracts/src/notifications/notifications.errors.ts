import type { CodesOf, ErrorCatalogue } from '../errors';

export const NOTIFICATIONS_ERRORS = {
  not_found: ['notification_not_found'],
} as const satisfies ErrorCatalogue;
export type NotificationsErrorCode = CodesOf<typeof NOTIFICATIONS_ERRORS>;
