/** The longest a stopping app takes before it exits anyway (supervisors SIGKILL after 10 s). */
export const SHUTDOWN_BOUND_MS = 9_000;

export interface GracefulShutdownOptions {
  boundMs?: number;
  log?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * What a process does on SIGTERM or SIGINT: `stop` once (stop taking work, finish or hand back what is
 * in flight, close connections), then exit 0; exit 1 when `stop` fails or outlives the bound. Further
 * signals while stopping are ignored. Returns the handler, which is also installed on both signals.
 *
 * A process started by the supervisor (`npm start`, the chaos run) has an IPC channel to it. The channel
 * closes when the supervisor dies, even by SIGKILL, which sends no signal here: the app then stops the
 * same way instead of living on alone, holding its port and taking work nobody watches.
 */
export function exitGracefullyOnSignals(
  stop: () => Promise<void>,
  options: GracefulShutdownOptions = {},
): (reason: string) => void {
  const handler = gracefulShutdownHandler(stop, options);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, handler);
  if (process.channel) {
    process.once('disconnect', () => handler('supervisor gone'));
    // Listening for it must not keep the process alive by itself.
    process.channel.unref();
  }
  return handler;
}

/** The handler alone, for tests and for processes that install signals themselves. */
export function gracefulShutdownHandler(
  stop: () => Promise<void>,
  {
    boundMs = SHUTDOWN_BOUND_MS,
    log = (line) => console.warn(line),
    exit = (code) => process.exit(code),
  }: GracefulShutdownOptions = {},
): (reason: string) => void {
  let stopping = false;
  return (reason) => {
    if (stopping) return;
    stopping = true;
    const startedAt = Date.now();
    log(`${reason}: stopping gracefully (taking no new work, finishing what is in flight)`);
    const overdue = setTimeout(() => {
      log(`still stopping after ${boundMs} ms; exiting with work left to other replicas`);
      exit(1);
    }, boundMs);
    overdue.unref();
    stop().then(
      () => {
        clearTimeout(overdue);
        log(`stopped in ${Date.now() - startedAt} ms`);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(overdue);
        log(`stopping failed: ${(error as Error)?.message ?? String(error)}`);
        exit(1);
      },
    );
  };
}
