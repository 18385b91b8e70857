import { describe, expect, it } from 'vitest';
import { developmentAdminDefaults } from './local-env';

const example = [
  '# First admin',
  'BOOTSTRAP_ADMIN_EMAIL=admin@haven.local',
  'BOOTSTRAP_ADMIN_PASSWORD=change-me-please',
  'BOOTSTRAP_ADMIN_NAME=Administrator',
  'PORT=3000',
].join('\n');

describe('the development admin of a fresh checkout', () => {
  it("is .env.example's when no bootstrap admin is configured", () => {
    expect(developmentAdminDefaults({}, example)).toEqual({
      BOOTSTRAP_ADMIN_EMAIL: 'admin@haven.local',
      BOOTSTRAP_ADMIN_PASSWORD: 'change-me-please',
      BOOTSTRAP_ADMIN_NAME: 'Administrator',
    });
  });

  it('takes nothing else from .env.example', () => {
    expect(developmentAdminDefaults({}, example)).not.toHaveProperty('PORT');
  });

  it('counts empty variables as unset', () => {
    const env = { BOOTSTRAP_ADMIN_EMAIL: '', BOOTSTRAP_ADMIN_PASSWORD: '' };
    expect(developmentAdminDefaults(env, example)).toHaveProperty('BOOTSTRAP_ADMIN_PASSWORD', 'change-me-please');
  });

  it('does not mix with an admin configured in part or in full', () => {
    expect(developmentAdminDefaults({ BOOTSTRAP_ADMIN_EMAIL: 'me@example.com' }, example)).toEqual({});
    expect(developmentAdminDefaults({ BOOTSTRAP_ADMIN_PASSWORD: 'my-own-password' }, example)).toEqual({});
  });

  it('keeps a configured name', () => {
    expect(developmentAdminDefaults({ BOOTSTRAP_ADMIN_NAME: 'Asha' }, example)).not.toHaveProperty(
      'BOOTSTRAP_ADMIN_NAME',
    );
  });

  it('is never used in production', () => {
    expect(developmentAdminDefaults({ NODE_ENV: 'production' }, example)).toEqual({});
  });
});
