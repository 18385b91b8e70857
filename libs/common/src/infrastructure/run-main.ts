import type { CoreConfig } from '../config/core.config';
import { ConfigError } from '../config/load-config';
import { checkInfrastructure } from './preflight';

/** Thrown when PostgreSQL, Redis or RabbitMQ does not answer; carries one line per missing piece. */
export class InfrastructureUnavailableError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InfrastructureUnavailableError';
  }
}

/** Stops with one line per missing piece of infrastructure the process needs. */
export async function requireInfrastructure(config: CoreConfig): Promise<void> {
  const missing = await checkInfrastructure({
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    rabbitmqUrl: config.RABBITMQ_URL,
  });
  if (missing.length > 0) throw new InfrastructureUnavailableError(missing);
}

/**
 * Runs a process entry point. Bad configuration and missing infrastructure end it with their
 * readable lines (no stack trace); anything else with the error as it is.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof InfrastructureUnavailableError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
