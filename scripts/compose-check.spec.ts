import { describe, expect, it } from 'vitest';
import { type ComposeFile, composeProblems, interpolateDefaults, readComposeFile } from './compose-check';

/** The repository's docker-compose.yml, with one service changed by `change`. */
function withChange(change: (compose: Required<ComposeFile>) => void): string[] {
  const compose = readComposeFile('docker-compose.yml') as Required<ComposeFile>;
  change(compose);
  return composeProblems(compose);
}

describe('docker-compose.yml', () => {
  it('runs every app after the migrations, on healthy dependencies, with no .env and no local port taken', () => {
    expect(composeProblems(readComposeFile('docker-compose.yml'))).toEqual([]);
  });

  it('is read as Compose reads it with no variables set', () => {
    expect(interpolateDefaults('ports: ["127.0.0.1:${HAVEN_HTTP_PORT:-13000}:3000"] # $${X} ${UNSET}')).toBe(
      'ports: ["127.0.0.1:13000:3000"] # $${X} ',
    );
  });
});

describe('the Compose checks', () => {
  it('notice an app that is missing or starts before the migrations', () => {
    expect(withChange((c) => delete c.services.booking)).toContain(
      'booking: missing (every app of npm start runs in Docker too)',
    );
    expect(withChange((c) => (c.services.directory.depends_on = ['postgres', 'migrate']))).toEqual(
      expect.arrayContaining([
        'directory: must wait for migrate to complete successfully',
        'directory: waits for postgres with no condition instead of service_healthy',
      ]),
    );
  });

  it('notice a long-running service without a healthcheck', () => {
    expect(withChange((c) => delete c.services.notifications.healthcheck)).toContain(
      'notifications: has no healthcheck, so nothing can wait for it to be ready',
    );
  });

  it('notice a dependency on a service that does not exist, and an undeclared volume', () => {
    const problems = withChange((c) => {
      c.services.gateway.depends_on = {
        ...(c.services.gateway.depends_on as object),
        mailer: { condition: 'service_healthy' },
      };
      delete c.volumes['jwt-public'];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'gateway: depends on mailer, which is not a service',
        'gateway: volume jwt-public is not declared under volumes',
        'keys: volume jwt-public is not declared under volumes',
      ]),
    );
  });

  it('notice a required .env and ports that clash with a local setup or leave the machine', () => {
    const problems = withChange((c) => {
      c.services.accounts.env_file = ['.env'];
      c.services.gateway.ports = ['3000:3000'];
      c.services.postgres.ports = ['127.0.0.1:5432:5432'];
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'accounts: reads an env_file; docker compose up must need no .env',
        'gateway: publishes "3000:3000" beyond 127.0.0.1',
        'gateway: publishes host port 3000, which a local setup already uses',
        'postgres: publishes host port 5432, which a local setup already uses',
      ]),
    );
  });
});
