import type { Role } from '../auth';
import type { Page } from '../pagination';
import { defineRpc } from '../rpc/define';
import type {
  AccountStatus,
  AuditLogEntryView,
  AuthSession,
  TokenPair,
  UserContact,
  UserSummary,
  UserView,
} from './accounts.types';

export interface RegisterRequest {
  email: string;
  password: string;
  name: string;
  phone?: string;
  timezone?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface IssuePasswordResetTokenRequest {
  requestId: string;
}

export interface IssuedPasswordResetToken {
  userId: string;
  /** The raw token for the link `PUBLIC_URL/reset-password?token=…`; never log or store it. */
  token: string;
  expiresAt: string;
}

export interface UpdateMeRequest {
  name?: string;
  /** null removes the phone number. */
  phone?: string | null;
  timezone?: string;
}

export interface ListUsersRequest {
  /** Case-insensitive substring of the e-mail address or the name. */
  q?: string;
  role?: Role;
  page: number;
  limit: number;
}

export interface UpdateUserRequest {
  id: string;
  /**
   * The admin-grantable roles (`finance`, `admin`) the user should hold from now on. `client` always
   * stays and `counselor` is kept as it is (it comes from vetting).
   */
  roles?: Role[];
  active?: boolean;
}

export interface ListAuditLogRequest {
  actorId?: string;
  action?: string;
  page: number;
  limit: number;
}

/**
 * Served by the accounts service. Requests that act on "me" or need a role use the actor the
 * gateway verified (`meta.actor`); the service re-checks roles against its own records.
 */
export const AccountsRpc = {
  register: defineRpc<RegisterRequest, AuthSession>('accounts', 'accounts.v1.register'),
  login: defineRpc<LoginRequest, AuthSession>('accounts', 'accounts.v1.login'),
  refresh: defineRpc<RefreshRequest, TokenPair>('accounts', 'accounts.v1.refresh'),
  /** Revokes the token's family if it belongs to the actor; succeeds either way. */
  logout: defineRpc<RefreshRequest, { ok: true }>('accounts', 'accounts.v1.logout'),
  requestPasswordReset: defineRpc<PasswordResetRequest, { accepted: true }>(
    'accounts',
    'accounts.v1.password-reset.request',
  ),
  confirmPasswordReset: defineRpc<PasswordResetConfirmRequest, { ok: true }>(
    'accounts',
    'accounts.v1.password-reset.confirm',
  ),
  /**
   * Internal (notifications only, never routed by the gateway): mints the single-use token of a
   * pending reset request and returns it in this reply only; only its hash is kept. Calling it again
   * for the same request replaces the token (a retried send). `not_found` once the request was
   * used, expired or superseded by a newer one.
   */
  issuePasswordResetToken: defineRpc<IssuePasswordResetTokenRequest, IssuedPasswordResetToken>(
    'accounts',
    'accounts.v1.password-reset.issue-token',
  ),
  getMe: defineRpc<Record<string, never>, UserView>('accounts', 'accounts.v1.me.get'),
  updateMe: defineRpc<UpdateMeRequest, UserView>('accounts', 'accounts.v1.me.update'),
  /** Admin only. */
  listUsers: defineRpc<ListUsersRequest, Page<UserView>>('accounts', 'accounts.v1.admin.users.list'),
  /** Admin only. */
  updateUser: defineRpc<UpdateUserRequest, UserView>('accounts', 'accounts.v1.admin.users.update'),
  /** Admin only. */
  listAuditLog: defineRpc<ListAuditLogRequest, Page<AuditLogEntryView>>('accounts', 'accounts.v1.admin.audit-log.list'),
  /** Internal: first names for public display (reviews). Unknown ids are left out. */
  getUsers: defineRpc<{ ids: string[] }, UserSummary[]>('accounts', 'accounts.v1.get-users'),
  /** Internal (notifications): contact data of the given users. Unknown ids are left out. */
  getContacts: defineRpc<{ ids: string[] }, UserContact[]>('accounts', 'accounts.v1.get-contacts'),
  /** Internal (notifications): contact data of every active user holding `role` (e.g. finance). */
  getContactsByRole: defineRpc<{ role: Role }, UserContact[]>('accounts', 'accounts.v1.get-contacts-by-role'),
  /**
   * Internal: the current roles and active flag of the given users, read from the accounts
   * database (not from anyone's token). Unknown ids are left out.
   */
  getAccountStatuses: defineRpc<{ ids: string[] }, AccountStatus[]>('accounts', 'accounts.v1.get-account-statuses'),
} as const;
