/**
 * Input limits of the accounts service, in one place: the gateway's DTOs validate with them and the
 * service enforces them again.
 */
export const ACCOUNTS_LIMITS = {
  /** Longest e-mail address the platform stores (RFC 5321's path limit). */
  maxEmailLength: 254,
  minPasswordLength: 10,
  /** argon2 hashes any length, but an unbounded input is a cheap way to burn CPU. */
  maxPasswordLength: 1024,
  maxNameLength: 100,
  /** Refresh and password-reset tokens: opaque, and far shorter than this. */
  maxTokenLength: 512,
  /** `q` of the admins' user search. */
  maxUserSearchLength: 200,
  /** `action` filter of the audit log. */
  maxAuditActionLength: 100,
} as const;
