import type { CodesOf, ErrorCatalogue } from '../errors';

export const ACCOUNTS_ERRORS = {
  unauthenticated: ['invalid_credentials', 'invalid_refresh_token', 'account_not_found', 'account_deactivated'],
  not_found: ['user_not_found', 'password_reset_request_not_found'],
  conflict: ['email_taken'],
  unprocessable: ['role_not_grantable', 'cannot_remove_own_admin', 'cannot_deactivate_self'],
  rate_limited: ['too_many_failed_logins'],
  unavailable: ['login_unavailable'],
} as const satisfies ErrorCatalogue;
export type AccountsErrorCode = CodesOf<typeof ACCOUNTS_ERRORS>;
