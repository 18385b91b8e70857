import { describe, expect, it } from 'vitest';
import { advisoryLockName } from './advisory-lock';

describe('advisory lock names', () => {
  it('are haven:<schema>:<subject>, with the id of per-row work last', () => {
    expect(advisoryLockName({ schema: 'booking', subject: 'calendar', id: 'c1' })).toBe('haven:booking:calendar:c1');
    expect(advisoryLockName({ schema: 'accounts', subject: 'provision-admin' })).toBe('haven:accounts:provision-admin');
  });

  it('keep two services apart even for the same subject and id', () => {
    expect(advisoryLockName({ schema: 'booking', subject: 'vetting', id: 'u' })).not.toBe(
      advisoryLockName({ schema: 'directory', subject: 'vetting', id: 'u' }),
    );
  });
});
