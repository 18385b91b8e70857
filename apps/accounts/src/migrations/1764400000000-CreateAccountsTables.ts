import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, refresh-token families, password-reset tokens and the audit log. */
export class CreateAccountsTables1764400000000 implements MigrationInterface {
  name = 'CreateAccountsTables1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "accounts"."users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "password_hash" text NOT NULL,
        "name" text NOT NULL,
        "phone" text,
        "timezone" text NOT NULL DEFAULT 'Asia/Kolkata',
        "roles" text[] NOT NULL DEFAULT ARRAY['client']::text[],
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_email_normalized" CHECK ("email" = lower("email")),
        CONSTRAINT "users_roles_known" CHECK (
          "roles" <@ ARRAY['client', 'counselor', 'finance', 'admin']::text[] AND 'client' = ANY ("roles")
        )
      )`);
    await runner.query(`CREATE UNIQUE INDEX "users_email_lower_key" ON "accounts"."users" (lower("email"))`);
    await runner.query(`CREATE INDEX "users_roles_idx" ON "accounts"."users" USING gin ("roles")`);
    await runner.query(`CREATE INDEX "users_created_idx" ON "accounts"."users" ("created_at" DESC, "id")`);

    await runner.query(`
      CREATE TABLE "accounts"."refresh_tokens" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "accounts"."users" ("id") ON DELETE CASCADE,
        "family_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz
      )`);
    await runner.query(`CREATE UNIQUE INDEX "refresh_tokens_hash_key" ON "accounts"."refresh_tokens" ("token_hash")`);
    await runner.query(`CREATE INDEX "refresh_tokens_family_idx" ON "accounts"."refresh_tokens" ("family_id")`);
    await runner.query(
      `CREATE INDEX "refresh_tokens_user_live_idx" ON "accounts"."refresh_tokens" ("user_id") WHERE "revoked_at" IS NULL`,
    );
    await runner.query(`CREATE INDEX "refresh_tokens_expiry_idx" ON "accounts"."refresh_tokens" ("expires_at")`);

    await runner.query(`
      CREATE TABLE "accounts"."password_reset_tokens" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "accounts"."users" ("id") ON DELETE CASCADE,
        "token_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX "password_reset_tokens_hash_key" ON "accounts"."password_reset_tokens" ("token_hash")`,
    );
    await runner.query(
      `CREATE INDEX "password_reset_tokens_user_idx" ON "accounts"."password_reset_tokens" ("user_id")`,
    );

    await runner.query(`
      CREATE TABLE "accounts"."audit_log" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "actor_id" uuid,
        "action" text NOT NULL,
        "target_type" text NOT NULL,
        "target_id" text,
        "at" timestamptz NOT NULL DEFAULT now(),
        "detail" jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await runner.query(`CREATE INDEX "audit_log_seq_idx" ON "accounts"."audit_log" ("seq" DESC)`);
    await runner.query(`CREATE INDEX "audit_log_actor_idx" ON "accounts"."audit_log" ("actor_id", "seq" DESC)`);
    await runner.query(`CREATE INDEX "audit_log_action_idx" ON "accounts"."audit_log" ("action", "seq" DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "accounts"."audit_log"`);
    await runner.query(`DROP TABLE "accounts"."password_reset_tokens"`);
    await runner.query(`DROP TABLE "accounts"."refresh_tokens"`);
    await runner.query(`DROP TABLE "accounts"."users"`);
  }
}
