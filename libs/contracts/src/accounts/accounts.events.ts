import type { Role } from '../auth';
import { defineEvent } from '../events/envelope';

export interface UserRegisteredData {
  userId: string;
  email: string;
  name: string;
  phone: string | null;
  timezone: string;
  roles: Role[];
}

/** The account as it now is, after a change of profile, roles or active flag. */
export interface UserUpdatedData extends UserRegisteredData {
  active: boolean;
  /**
   * Raised with every change of roles or active flag (same value after a profile-only change):
   * orders the account's states and makes access tokens of older versions stale.
   */
  rightsVersion: number;
}

/**
 * Someone asked to reset this user's password. Carries no token and no secret: the notifications
 * service asks accounts for the link's token (`AccountsRpc.issuePasswordResetToken`) at the moment
 * it sends the mail, so no plaintext token is ever stored, queued or dead-lettered.
 */
export interface PasswordResetRequestedData {
  userId: string;
  /** Identifies this reset request; the token is minted against it. */
  requestId: string;
  expiresAt: string;
}

/** Published by the accounts service. */
export const AccountsEvents = {
  registered: defineEvent<UserRegisteredData>('user.registered'),
  updated: defineEvent<UserUpdatedData>('user.updated'),
  passwordResetRequested: defineEvent<PasswordResetRequestedData>('user.password-reset-requested'),
} as const;
