import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cheapest active offering of each mode, kept on the counselor row by a trigger on offerings,
 * so a mode or price filter is a column test and the price sort can walk an index and stop after
 * a page instead of finding each match's cheapest offering. Also a partial GIN index over public
 * profiles only, so a text match needs no visit to the row to know it is public.
 */
export class OfferingPricesOnCounselors1765000000001 implements MigrationInterface {
  name = 'OfferingPricesOnCounselors1765000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE "directory"."counselors"
        ADD COLUMN "min_chat_paise" bigint,
        ADD COLUMN "min_audio_paise" bigint,
        ADD COLUMN "min_video_paise" bigint,
        ADD COLUMN "min_price_paise" bigint
          GENERATED ALWAYS AS (least("min_chat_paise", "min_audio_paise", "min_video_paise")) STORED`);
    await runner.query(`
      CREATE FUNCTION "directory"."refresh_counselor_prices"(counselor uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE "directory"."counselors" c SET
          "min_chat_paise" = p.chat, "min_audio_paise" = p.audio, "min_video_paise" = p.video
        FROM (
          SELECT min("price_paise") FILTER (WHERE "mode" = 'chat') AS chat,
                 min("price_paise") FILTER (WHERE "mode" = 'audio') AS audio,
                 min("price_paise") FILTER (WHERE "mode" = 'video') AS video
          FROM "directory"."offerings" WHERE "counselor_id" = counselor AND "active"
        ) p
        WHERE c."id" = counselor AND (c."min_chat_paise", c."min_audio_paise", c."min_video_paise")
          IS DISTINCT FROM (p.chat, p.audio, p.video)
      $$`);
    await runner.query(`
      CREATE FUNCTION "directory"."offerings_refresh_counselor_prices"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM "directory"."refresh_counselor_prices"(OLD.counselor_id); END IF;
        IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.counselor_id <> OLD.counselor_id) THEN
          PERFORM "directory"."refresh_counselor_prices"(NEW.counselor_id);
        END IF;
        RETURN NULL;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER "offerings_counselor_prices" AFTER INSERT OR DELETE OR UPDATE OF "counselor_id", "mode", "price_paise", "active"
      ON "directory"."offerings" FOR EACH ROW EXECUTE FUNCTION "directory"."offerings_refresh_counselor_prices"()`);
    await runner.query(`
      UPDATE "directory"."counselors" c SET
        "min_chat_paise" = p.chat, "min_audio_paise" = p.audio, "min_video_paise" = p.video
      FROM (
        SELECT "counselor_id",
               min("price_paise") FILTER (WHERE "mode" = 'chat') AS chat,
               min("price_paise") FILTER (WHERE "mode" = 'audio') AS audio,
               min("price_paise") FILTER (WHERE "mode" = 'video') AS video
        FROM "directory"."offerings" WHERE "active" GROUP BY "counselor_id"
      ) p
      WHERE c."id" = p."counselor_id"`);
    // The price sort: cheapest first, then as the rating sort.
    await runner.query(`
      CREATE INDEX "counselors_public_price_idx" ON "directory"."counselors"
        ("min_price_paise", "rating" DESC, "review_count" DESC, "id") WHERE "status" = 'active' AND "account_active"`);
    await runner.query(`
      CREATE INDEX "counselors_public_search_idx" ON "directory"."counselors" USING GIN ("search_vector")
        WHERE "status" = 'active' AND "account_active"`);
    await runner.query(`DROP INDEX "directory"."counselors_search_idx"`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX "counselors_search_idx" ON "directory"."counselors" USING GIN ("search_vector")`);
    await runner.query(`DROP INDEX "directory"."counselors_public_search_idx"`);
    await runner.query(`DROP INDEX "directory"."counselors_public_price_idx"`);
    await runner.query(`DROP TRIGGER "offerings_counselor_prices" ON "directory"."offerings"`);
    await runner.query(`DROP FUNCTION "directory"."offerings_refresh_counselor_prices"()`);
    await runner.query(`DROP FUNCTION "directory"."refresh_counselor_prices"(uuid)`);
    await runner.query(`
      ALTER TABLE "directory"."counselors" DROP COLUMN "min_price_paise", DROP COLUMN "min_chat_paise",
        DROP COLUMN "min_audio_paise", DROP COLUMN "min_video_paise"`);
  }
}
