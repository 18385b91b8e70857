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
}

export interface PasswordResetRequestedData {
  userId: string;
  email: string;
  name: string;
  /** The raw single-use token for the reset link; only the notifications service may use it, never log it. */
  token: string;
  expiresAt: string;
}

/** Published by the accounts service. */
export const AccountsEvents = {
  registered: defineEvent<UserRegisteredData>('user.registered'),
  updated: defineEvent<UserUpdatedData>('user.updated'),
  passwordResetRequested: defineEvent<PasswordResetRequestedData>('user.password-reset-requested'),
} as const;
