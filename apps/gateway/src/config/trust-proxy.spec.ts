import { loadConfig } from '@haven/infrastructure';
import { describe, expect, it } from 'vitest';
import { GatewayConfig } from './gateway.config';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    for (const value of [undefined, '', 'false', 'none', '0'])
      expect(parseTrustProxy(value)).toEqual({ setting: false });
    expect(loadConfig(GatewayConfig, {}).trustProxy).toBe(false);
  });

  it('takes a hop count', () => {
    expect(parseTrustProxy('1')).toEqual({ setting: 1 });
    expect(parseTrustProxy(' 2 ')).toEqual({ setting: 2 });
    expect(parseTrustProxy('11')).toHaveProperty('problem');
  });

  it('takes a list of addresses, networks and Express range names', () => {
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback')).toEqual({
      setting: ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback'],
    });
  });

  it('refuses trusting anyone, with a readable reason, at boot', () => {
    for (const value of ['true', 'TRUE', '*', 'any', '0.0.0.0/0', '::/0']) {
      expect(parseTrustProxy(value), value).toHaveProperty('problem');
    }
    expect(() => loadConfig(GatewayConfig, { TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: "true" would let any client choose its own address/,
    );
    expect(() => loadConfig(GatewayConfig, { TRUST_PROXY: '10.0.0.0/8,proxy.local' })).toThrow(
      /TRUST_PROXY: .*not understood: "proxy.local"/,
    );
  });
});
