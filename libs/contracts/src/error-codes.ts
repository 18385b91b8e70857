import type { ACCOUNTS_ERRORS } from './accounts/accounts.errors';
import type { BOOKING_ERRORS } from './booking/booking.errors';
import type { DIRECTORY_ERRORS } from './directory/directory.errors';
import type { CodesOf, COMMON_ERRORS, ErrorKind } from './errors';
import type { GatewayErrorCode } from './gateway/gateway.errors';
import type { NOTIFICATIONS_ERRORS } from './notifications/notifications.errors';

/** Every code a service may raise with kind `K`: the common ones and those in a service's catalogue. */
export type ErrorCode<K extends ErrorKind = ErrorKind> =
  | CodesOf<typeof COMMON_ERRORS, K>
  | CodesOf<typeof ACCOUNTS_ERRORS, K>
  | CodesOf<typeof DIRECTORY_ERRORS, K>
  | CodesOf<typeof BOOKING_ERRORS, K>
  | CodesOf<typeof NOTIFICATIONS_ERRORS, K>;

/** Every `code` an HTTP client may see. */
export type HttpErrorCode = ErrorCode | GatewayErrorCode;
