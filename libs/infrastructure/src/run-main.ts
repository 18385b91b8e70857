import type { CoreConfig } from './config/core.config';
import { ConfigError } from './config/load-config';
import { checkInfrastructure } from './preflight';

/** Thrown when PostgreSQL, Redis or RabbitMQ does not answer; carries one line per missing piece. */
export class InfrastructureUnavailableError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InfrastructureUnavailableError';
  }
}

/** A reason the process cannot start that restarting it will not fix (e.g. its port is taken). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/**
 * Exit code of a process that cannot start until someone changes its configuration (EX_CONFIG in
 * sysexits.h): a supervisor stops instead of restarting it.
 */
export const EXIT_CANNOT_START = 78;

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
 * The readable reason an HTTP server could not listen on `port` (set by the environment variable
 * `variable`), or the error itself when unexpected.
 */
export function describeListenError(error: unknown, port: number, variable = 'PORT'): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `Port ${port} is already in use: stop what listens there, or set ${variable} to a free port.`,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(`Port ${port} needs privileges this user lacks: set ${variable} to a port above 1023.`);
  }
  return error;
}

/**
 * Runs a process entry point. Bad configuration, a startup error and missing infrastructure end it
 * with their readable lines (no stack trace); anything else with the error as it is.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof StartupError) {
      console.error(error.message);
      process.exit(EXIT_CANNOT_START);
    }
    console.error(error instanceof InfrastructureUnavailableError ? error.message : error);
    process.exit(1);
  });
}
