/**
 * Who the public may see and book: vetted and not suspended (`status`), and with an account that
 * is not deactivated (`account_active`). Every public read uses one of these two forms.
 */
export const PUBLIC_COUNSELOR = { status: 'active', accountActive: true } as const;

/** The same condition on `"directory"."counselors"` aliased as `c`. */
export const PUBLIC_COUNSELOR_SQL = `c."status" = 'active' AND c."account_active"`;
