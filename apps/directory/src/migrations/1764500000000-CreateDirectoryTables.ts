import type { MigrationInterface, QueryRunner } from 'typeorm';

const SPECIALTIES: [string, string][] = [
  ['addiction', 'Addiction'],
  ['anger', 'Anger management'],
  ['anxiety', 'Anxiety'],
  ['career', 'Career'],
  ['depression', 'Depression'],
  ['family', 'Family'],
  ['grief', 'Grief and loss'],
  ['lgbtq', 'LGBTQ+ affirming'],
  ['micro-cheating', 'Micro-cheating'],
  ['parenting', 'Parenting'],
  ['relationships', 'Relationships'],
  ['self-esteem', 'Self-esteem'],
  ['sleep', 'Sleep'],
  ['stress', 'Stress'],
  ['trauma', 'Trauma'],
];

/**
 * The directory: specialties (seeded), counselor applications and their vetting, counselor
 * profiles with a full-text search vector kept by a trigger, offerings, and reviews with the
 * eligibility that `booking.completed` events grant.
 */
export class CreateDirectoryTables1764500000000 implements MigrationInterface {
  name = 'CreateDirectoryTables1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "directory"."specialties" (
        "slug" text PRIMARY KEY CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        "name" text NOT NULL
      )`);
    const values = SPECIALTIES.map((_, index) => `($${index * 2 + 1}, $${index * 2 + 2})`).join(', ');
    await runner.query(`INSERT INTO "directory"."specialties" ("slug", "name") VALUES ${values}`, SPECIALTIES.flat());

    await runner.query(`
      CREATE TABLE "directory"."applications" (
        "id" uuid PRIMARY KEY,
        "user_id" uuid NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('submitted', 'changes_requested', 'approved', 'rejected')),
        "display_name" text NOT NULL,
        "bio" text NOT NULL,
        "qualifications" text[] NOT NULL,
        "registration_body" text NOT NULL,
        "registration_number" text NOT NULL,
        "years_experience" integer NOT NULL CHECK ("years_experience" >= 0),
        "languages" text[] NOT NULL,
        "specialties" text[] NOT NULL,
        "gender" text,
        "reviewer_note" text,
        "reviewer_id" uuid,
        "submitted_at" timestamptz NOT NULL,
        "decided_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // One open application per user, enforced by the database whatever races in code.
    await runner.query(`
      CREATE UNIQUE INDEX "applications_one_open_per_user" ON "directory"."applications" ("user_id")
      WHERE "status" IN ('submitted', 'changes_requested')`);
    await runner.query(
      `CREATE INDEX "applications_user_idx" ON "directory"."applications" ("user_id", "created_at" DESC)`,
    );
    await runner.query(
      `CREATE INDEX "applications_queue_idx" ON "directory"."applications" ("status", "submitted_at" DESC)`,
    );

    await runner.query(`
      CREATE TABLE "directory"."counselors" (
        "id" uuid PRIMARY KEY,
        "application_id" uuid NOT NULL REFERENCES "directory"."applications" ("id"),
        "status" text NOT NULL CHECK ("status" IN ('active', 'suspended')),
        "status_reason" text,
        "status_changed_at" timestamptz NOT NULL DEFAULT now(),
        "display_name" text NOT NULL,
        "bio" text NOT NULL,
        "qualifications" text[] NOT NULL,
        "registration_body" text NOT NULL,
        "registration_number" text NOT NULL,
        "years_experience" integer NOT NULL CHECK ("years_experience" >= 0),
        "languages" text[] NOT NULL,
        "specialties" text[] NOT NULL,
        "gender" text,
        "photo_url" text,
        "rating_total" integer NOT NULL DEFAULT 0 CHECK ("rating_total" >= 0),
        "review_count" integer NOT NULL DEFAULT 0 CHECK ("review_count" >= 0),
        "rating" numeric(2, 1) GENERATED ALWAYS AS (
          CASE WHEN "review_count" = 0 THEN 0 ELSE round("rating_total"::numeric / "review_count", 1) END
        ) STORED,
        "search_vector" tsvector NOT NULL DEFAULT ''::tsvector,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX "counselors_search_idx" ON "directory"."counselors" USING GIN ("search_vector")`);
    await runner.query(`CREATE INDEX "counselors_languages_idx" ON "directory"."counselors" USING GIN ("languages")`);
    await runner.query(
      `CREATE INDEX "counselors_specialties_idx" ON "directory"."counselors" USING GIN ("specialties")`,
    );
    await runner.query(
      `CREATE INDEX "counselors_active_rating_idx" ON "directory"."counselors" ("rating" DESC) WHERE "status" = 'active'`,
    );

    // The searchable text of a profile: name first, then specialty names (and slug words), then the bio.
    await runner.query(`
      CREATE FUNCTION "directory"."counselor_search_vector"(display_name text, bio text, specialty_slugs text[])
      RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT setweight(to_tsvector('english'::regconfig, coalesce(display_name, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce((
                 SELECT string_agg(s.name || ' ' || replace(s.slug, '-', ' '), ' ')
                 FROM "directory"."specialties" s WHERE s.slug = ANY(specialty_slugs)), '')), 'B')
            || setweight(to_tsvector('english'::regconfig, coalesce(bio, '')), 'C')
      $$`);
    await runner.query(`
      CREATE FUNCTION "directory"."counselors_refresh_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := "directory"."counselor_search_vector"(NEW.display_name, NEW.bio, NEW.specialties);
        RETURN NEW;
      END
      $$`);
    await runner.query(`
      CREATE TRIGGER "counselors_search_vector" BEFORE INSERT OR UPDATE OF "display_name", "bio", "specialties"
      ON "directory"."counselors" FOR EACH ROW EXECUTE FUNCTION "directory"."counselors_refresh_search_vector"()`);

    await runner.query(`
      CREATE TABLE "directory"."offerings" (
        "id" uuid PRIMARY KEY,
        "counselor_id" uuid NOT NULL REFERENCES "directory"."counselors" ("id"),
        "title" text NOT NULL,
        "mode" text NOT NULL CHECK ("mode" IN ('chat', 'audio', 'video')),
        "duration_minutes" integer NOT NULL CHECK ("duration_minutes" BETWEEN 15 AND 120),
        "price_paise" bigint NOT NULL CHECK ("price_paise" = 0 OR "price_paise" >= 100),
        "currency" text NOT NULL DEFAULT 'INR' CHECK ("currency" = 'INR'),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX "offerings_counselor_idx" ON "directory"."offerings" ("counselor_id", "created_at")`,
    );
    await runner.query(`
      CREATE INDEX "offerings_active_idx" ON "directory"."offerings" ("counselor_id", "mode", "price_paise")
      WHERE "active"`);

    await runner.query(`
      CREATE TABLE "directory"."review_eligibility" (
        "booking_id" uuid PRIMARY KEY,
        "client_id" uuid NOT NULL,
        "counselor_id" uuid NOT NULL,
        "completed_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);

    await runner.query(`
      CREATE TABLE "directory"."reviews" (
        "id" uuid PRIMARY KEY,
        "booking_id" uuid NOT NULL,
        "counselor_id" uuid NOT NULL,
        "client_id" uuid NOT NULL,
        "rating" smallint NOT NULL CHECK ("rating" BETWEEN 1 AND 5),
        "comment" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "reviews_one_per_booking" UNIQUE ("booking_id")
      )`);
    await runner.query(
      `CREATE INDEX "reviews_counselor_idx" ON "directory"."reviews" ("counselor_id", "created_at" DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "directory"."reviews"`);
    await runner.query(`DROP TABLE "directory"."review_eligibility"`);
    await runner.query(`DROP TABLE "directory"."offerings"`);
    await runner.query(`DROP TABLE "directory"."counselors"`);
    await runner.query(`DROP FUNCTION "directory"."counselors_refresh_search_vector"()`);
    await runner.query(`DROP FUNCTION "directory"."counselor_search_vector"(text, text, text[])`);
    await runner.query(`DROP TABLE "directory"."applications"`);
    await runner.query(`DROP TABLE "directory"."specialties"`);
  }
}
