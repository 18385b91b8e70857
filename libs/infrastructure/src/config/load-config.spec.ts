import { describe, expect, it } from 'vitest';
import { CoreConfig } from './core.config';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies defaults for unset and empty variables', () => {
    const config = loadConfig(CoreConfig, { RABBITMQ_URL: '', PATH: '/usr/bin' });
    expect(config.RABBITMQ_URL).toBe('amqp://guest:guest@127.0.0.1:5672');
    expect(config.RPC_TIMEOUT_MS).toBe(10_000);
    expect(config).not.toHaveProperty('PATH');
  });

  it('converts numbers from their string form', () => {
    expect(loadConfig(CoreConfig, { RPC_TIMEOUT_MS: '2500' }).RPC_TIMEOUT_MS).toBe(2500);
  });

  it('reports every bad variable on its own line without echoing its value', () => {
    const error = (() => {
      try {
        loadConfig(CoreConfig, {
          DATABASE_URL: 'mysql://secret-password@db',
          RPC_TIMEOUT_MS: 'soon',
          LOG_LEVEL: 'loud',
        });
      } catch (caught) {
        return caught;
      }
    })() as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((line) => line.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'RPC_TIMEOUT_MS',
    ]);
    expect(error.message).not.toContain('secret-password');
  });

  it('says a single bad variable in one line', () => {
    expect(() => loadConfig(CoreConfig, { RPC_TIMEOUT_MS: 'soon' })).toThrow(
      /^Invalid configuration: RPC_TIMEOUT_MS: must [^\n]+$/,
    );
  });
});
