import autocannon from 'autocannon';
import type { Pool } from 'pg';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function summarize(latencies: number[], seconds: number, errors: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
  };
}

/**
 * HTTP load from autocannon: `connections` clients on keep-alive connections, each sending its next
 * request as soon as the last one is answered. Every response time is kept (autocannon's own
 * histogram has no p95).
 */
export async function httpLoad(url: string, connections: number, seconds: number): Promise<LoadResult> {
  await autocannon({ url, connections, duration: 1 }); // warm-up, not counted
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 400) errors += 1;
    });
  });
  return summarize(latencies, (performance.now() - started) / 1000, errors + result.errors + result.timeouts);
}

/** The same closed loop over raw SQL: `connections` workers, each on its own pooled connection. */
export async function sqlLoad(
  pool: Pool,
  run: (pool: Pool) => Promise<unknown>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const loop = async (until: number, latencies?: number[]) => {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < until) {
          const started = performance.now();
          await run(pool);
          latencies?.push(performance.now() - started);
        }
      }),
    );
  };
  await loop(Date.now() + 1000);
  const latencies: number[] = [];
  const started = performance.now();
  await loop(Date.now() + seconds * 1000, latencies);
  return summarize(latencies, (performance.now() - started) / 1000, 0);
}
