import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const ADMIN_VARIABLES = ['BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'BOOTSTRAP_ADMIN_NAME'] as const;

/** Where the bootstrap admin's credentials come from, for the hint printed once the platform is ready. */
export type BootstrapAdmin = { source: 'environment' | 'env.example'; email: string } | { source: 'none' };

/**
 * Outside production, a checkout with no bootstrap admin configured takes the one `.env.example`
 * documents, so the first `npm start` has an admin to log in as. Returns the variables to add.
 */
export function developmentAdminDefaults(env: NodeJS.ProcessEnv, envExample: string): Record<string, string> {
  const production = env.NODE_ENV === 'production';
  if (production || env.BOOTSTRAP_ADMIN_EMAIL || env.BOOTSTRAP_ADMIN_PASSWORD) return {};
  const example = parseEnv(envExample);
  return Object.fromEntries(
    ADMIN_VARIABLES.filter((name) => !env[name] && example[name]).map((name) => [name, example[name]!]),
  );
}

/**
 * The environment `npm start` and `npm run start:app` give the apps: the process's own variables,
 * then `.env` (without overriding them), then the development admin from `.env.example`.
 */
export function prepareLocalEnvironment(): BootstrapAdmin {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const configuredEmail = process.env.BOOTSTRAP_ADMIN_EMAIL;
  const defaults = existsSync('.env.example')
    ? developmentAdminDefaults(process.env, readFileSync('.env.example', 'utf8'))
    : {};
  Object.assign(process.env, defaults);
  const email = process.env.BOOTSTRAP_ADMIN_EMAIL;
  if (!email || !process.env.BOOTSTRAP_ADMIN_PASSWORD) return { source: 'none' };
  return { source: configuredEmail ? 'environment' : 'env.example', email };
}
