export const ROLES = ['client', 'counselor', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin may grant or remove by hand; `client` is every user's and `counselor` comes from vetting. */
export const ADMIN_GRANTABLE_ROLES = ['finance', 'admin'] as const;

/** Who is calling: the verified subject of the access token, attached by the gateway to every RPC. */
export interface Actor {
  userId: string;
  roles: Role[];
}

export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  /**
   * The user's rights version when the token was issued; raised whenever their roles or active flag
   * change, so the gateway can refuse an older token (`token_stale`).
   */
  rv: number;
}
