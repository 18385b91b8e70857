import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - `users.rights_version`: bumped in the transaction that changes a user's roles or active flag;
 *   access tokens carry it (`rv`) and the gateway refuses older ones (`token_stale`).
 * - Password resets become requests: the token is minted later, on the notifications service's
 *   RPC, so `token_hash` stays empty until then. The plaintext tokens (and addresses) earlier
 *   reset events carried are scrubbed from the outbox.
 */
export class RightsVersionAndResetRequests1764700000000 implements MigrationInterface {
  name = 'RightsVersionAndResetRequests1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "accounts"."users" ADD COLUMN "rights_version" integer NOT NULL DEFAULT 0`);

    await runner.query(`ALTER TABLE "accounts"."password_reset_tokens" RENAME TO "password_reset_requests"`);
    await runner.query(`ALTER TABLE "accounts"."password_reset_requests" ALTER COLUMN "token_hash" DROP NOT NULL`);
    await runner.query(
      `ALTER INDEX "accounts"."password_reset_tokens_hash_key" RENAME TO "password_reset_requests_hash_key"`,
    );
    await runner.query(
      `ALTER INDEX "accounts"."password_reset_tokens_user_idx" RENAME TO "password_reset_requests_user_idx"`,
    );
    await runner.query(
      `ALTER TABLE "accounts"."password_reset_requests" RENAME CONSTRAINT "password_reset_tokens_pkey" TO "password_reset_requests_pkey"`,
    );
    await runner.query(`
      UPDATE "accounts"."outbox"
      SET "envelope" = jsonb_set("envelope", '{data}', ("envelope"->'data') - 'token' - 'email' - 'name')
      WHERE "type" = 'user.password-reset-requested' AND ("envelope"->'data') ? 'token'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM "accounts"."password_reset_requests" WHERE "token_hash" IS NULL`);
    await runner.query(
      `ALTER TABLE "accounts"."password_reset_requests" RENAME CONSTRAINT "password_reset_requests_pkey" TO "password_reset_tokens_pkey"`,
    );
    await runner.query(
      `ALTER INDEX "accounts"."password_reset_requests_user_idx" RENAME TO "password_reset_tokens_user_idx"`,
    );
    await runner.query(
      `ALTER INDEX "accounts"."password_reset_requests_hash_key" RENAME TO "password_reset_tokens_hash_key"`,
    );
    await runner.query(`ALTER TABLE "accounts"."password_reset_requests" ALTER COLUMN "token_hash" SET NOT NULL`);
    await runner.query(`ALTER TABLE "accounts"."password_reset_requests" RENAME TO "password_reset_tokens"`);
    await runner.query(`ALTER TABLE "accounts"."users" DROP COLUMN "rights_version"`);
  }
}
