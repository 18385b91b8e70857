import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ledger of carried-out creating requests (`RpcRequestLedger`), in the DataSource's own schema. */
export class CreateRpcRequestLedger1764800000000 implements MigrationInterface {
  name = 'CreateRpcRequestLedger1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    const schema = schemaOf(runner);
    await runner.query(`
      CREATE TABLE "${schema}"."rpc_requests" (
        "request_id" uuid PRIMARY KEY,
        "expires_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX "rpc_requests_expires_at_idx" ON "${schema}"."rpc_requests" ("expires_at")`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "${schemaOf(runner)}"."rpc_requests"`);
  }
}

function schemaOf(runner: QueryRunner): string {
  const schema = (runner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('The RPC request ledger needs a DataSource with a schema');
  return schema;
}
