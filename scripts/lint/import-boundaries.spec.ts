import { describe, expect, it } from 'vitest';
import { boundaryViolation } from './import-boundaries.mjs';

const file = (path: string): string => new URL(`../../${path}`, import.meta.url).pathname;

describe('import boundaries', () => {
  it('keep every app to itself', () => {
    expect(boundaryViolation(file('apps/booking/src/slots/slots.service.ts'), '../../../directory/src/x')).toMatch(
      'apps/booking may not import apps/directory',
    );
    expect(boundaryViolation(file('apps/booking/src/slots/slots.service.ts'), '../availability/wall-clock')).toBeNull();
    // A feature folder named like an app is still the same app.
    expect(
      boundaryViolation(file('apps/directory/src/search/search.service.ts'), '../accounts/account-checks'),
    ).toBeNull();
  });

  it('keep libraries free of apps and in their layers', () => {
    expect(boundaryViolation(file('libs/messaging/src/rpc/rpc-client.ts'), '../../../../apps/gateway/src/x')).toMatch(
      'libs/messaging may not import apps/gateway',
    );
    expect(boundaryViolation(file('libs/common/src/errors/domain-error.ts'), '@haven/messaging')).toMatch(
      'libs/common may import only @haven/contracts',
    );
    expect(boundaryViolation(file('libs/messaging/src/rpc/rpc-client.ts'), '@haven/database')).toBeNull();
  });

  it('keep @haven/common pure: Node, luxon and contracts only', () => {
    expect(boundaryViolation(file('libs/common/src/input/rpc-input.ts'), 'luxon')).toBeNull();
    expect(boundaryViolation(file('libs/common/src/auth/opaque-token.ts'), 'node:crypto')).toBeNull();
    for (const specifier of ['@nestjs/common', 'class-validator', 'pg', 'ioredis', 'amqplib']) {
      expect(boundaryViolation(file('libs/common/src/errors/domain-error.ts'), specifier)).toMatch('stays pure');
    }
  });

  it('let contracts import nothing but themselves', () => {
    expect(boundaryViolation(file('libs/contracts/src/booking/booking.rpc.ts'), '../rpc/define')).toBeNull();
    expect(boundaryViolation(file('libs/contracts/src/booking/booking.rpc.ts'), 'luxon')).toMatch(
      'libs/contracts imports nothing',
    );
    expect(boundaryViolation(file('libs/contracts/src/text.spec.ts'), 'vitest')).toBeNull();
  });

  it('keep database code out of the gateway', () => {
    for (const specifier of ['@haven/database', 'typeorm', '@nestjs/typeorm', 'pg']) {
      expect(boundaryViolation(file('apps/gateway/src/health/health.service.ts'), specifier)).toMatch(
        'imports no database code',
      );
    }
    expect(boundaryViolation(file('apps/booking/src/slots/slots.service.ts'), 'typeorm')).toBeNull();
  });

  it('leave @haven/testing to tests, and let tests and scripts import any app', () => {
    expect(boundaryViolation(file('apps/booking/src/booking.module.ts'), '@haven/testing')).toMatch('only tests');
    expect(boundaryViolation(file('apps/booking/src/booking.int-spec.ts'), '@haven/testing')).toBeNull();
    expect(boundaryViolation(file('tests/support/platform.ts'), '../../apps/booking/src/booking.module')).toBeNull();
    expect(boundaryViolation(file('scripts/migrate.ts'), '../apps/booking/src/booking.schema')).toBeNull();
    expect(boundaryViolation(file('apps/event-subscriptions.spec.ts'), './booking/src/booking.module')).toBeNull();
  });

  it('keep each web feature to itself, and shared web code free of features', () => {
    const web = (path: string) => file(`apps/web/src/${path}`);
    expect(boundaryViolation(web('features/admin/routes/vetting.tsx'), '@/features/counselor-portal/x')).toMatch(
      'features/admin may not import features/counselor-portal',
    );
    expect(boundaryViolation(web('features/bookings/components/a.tsx'), '../../counselors/api/counselors')).toMatch(
      'features/bookings may not import features/counselors',
    );
    expect(boundaryViolation(web('features/bookings/components/a.tsx'), '../api/bookings')).toBeNull();
    expect(boundaryViolation(web('features/bookings/routes/a.tsx'), '@/features/bookings/api/bookings')).toBeNull();
    expect(boundaryViolation(web('features/bookings/routes/a.tsx'), '@/components/slot-picker')).toBeNull();
    expect(boundaryViolation(web('features/counselor-portal/utils/week.ts'), '../../../lib/zoned-time')).toBeNull();
    expect(boundaryViolation(web('components/slot-picker.tsx'), '@/features/counselors/api/counselors')).toMatch(
      'shared web code',
    );
    expect(boundaryViolation(web('lib/api/bookings.ts'), '../../app/router')).toMatch('src/app composes');
    expect(boundaryViolation(web('features/auth/routes/login.tsx'), '@/app/router')).toMatch('src/app composes');
    expect(boundaryViolation(web('app/router.tsx'), '@/features/bookings/routes')).toBeNull();
    expect(boundaryViolation(web('main.tsx'), './app/app')).toBeNull();
  });
});
