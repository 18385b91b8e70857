import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables, created in whichever schema the running DataSource owns. Every
 * service lists this migration first.
 */
export class CreateMessagingTables1764300000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = schemaOf(runner);
    await runner.query(`
      CREATE TABLE "${schema}"."outbox" (
        "id" uuid PRIMARY KEY,
        "type" text NOT NULL,
        "envelope" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz
      )`);
    await runner.query(
      `CREATE INDEX "outbox_unpublished_idx" ON "${schema}"."outbox" ("created_at") WHERE published_at IS NULL`,
    );
    await runner.query(`
      CREATE TABLE "${schema}"."inbox" (
        "event_id" uuid NOT NULL,
        "consumer" text NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("event_id", "consumer")
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = schemaOf(runner);
    await runner.query(`DROP TABLE "${schema}"."inbox"`);
    await runner.query(`DROP TABLE "${schema}"."outbox"`);
  }
}

function schemaOf(runner: QueryRunner): string {
  const schema = (runner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('Messaging tables need a DataSource with a schema');
  return schema;
}
