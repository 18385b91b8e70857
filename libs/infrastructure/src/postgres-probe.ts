import { Pool } from 'pg';

/**
 * Whether PostgreSQL answers, for health checks of an app that keeps no data of its own (the
 * gateway): a small pool that never throws, only says up or down.
 */
export class PostgresProbe {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 2000 });
    this.pool.on('error', () => undefined);
  }

  check(): Promise<'up' | 'down'> {
    return this.pool.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
