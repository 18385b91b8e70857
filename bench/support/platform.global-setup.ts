import type { TestProject } from 'vitest/node';
import { providePlatform } from '../../tests/setup/e2e.global-setup';

/**
 * The e2e platform with what a load run needs changed: holds that outlive the run (so no slot is
 * freed mid-race), the highest cap on one client's unpaid holds the configuration accepts (100
 * instead of 3, so a few dozen clients can hold hundreds of slots; the cap is still counted on
 * every hold), patient RPCs, quiet logs.
 */
export function setup(project: TestProject): Promise<() => Promise<void>> {
  return providePlatform(project, 'bench', {
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
    BOOKING_HOLD_TTL_SECONDS: '3600',
    BOOKING_MAX_PENDING_HOLDS: '100',
    RPC_TIMEOUT_MS: '30000',
  });
}
