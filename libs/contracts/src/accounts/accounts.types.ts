import type { Role } from '../auth';

/** `user` of api.md: what any API response may say about an account. Never a hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  /** IANA zone, `Asia/Kolkata` unless the user chose another. */
  timezone: string;
  roles: Role[];
  active: boolean;
  createdAt: string;
}

export interface TokenPair {
  /** EdDSA-signed JWT, valid for about 15 minutes. */
  accessToken: string;
  /** Opaque, single use: every refresh returns a new one. */
  refreshToken: string;
  tokenType: 'Bearer';
  /** Lifetime of the access token, in seconds. */
  expiresIn: number;
}

export interface AuthSession extends TokenPair {
  user: UserView;
}

export interface AuditLogEntryView {
  id: string;
  /** The admin (or reviewer) who acted; null for the platform itself (bootstrap, CLI). */
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  at: string;
  detail: Record<string, unknown>;
}

/** What other services may show about a user to third parties: an id and a first name, no contact data. */
export interface UserSummary {
  id: string;
  /** First name only (the first word of the user's name). */
  name: string;
}

/** Contact data for services that message users (notifications); never exposed through the gateway. */
export type UserContact = Omit<UserView, 'createdAt'>;

/** Who an account is allowed to be right now: for services that re-check an actor before a sensitive action. */
export interface AccountStatus {
  id: string;
  roles: Role[];
  active: boolean;
}
