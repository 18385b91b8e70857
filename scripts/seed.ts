import 'reflect-metadata';
import { ConfigError, CoreConfig, loadConfig, requireInfrastructure, runMain } from '@haven/infrastructure';
import { prepareLocalEnvironment } from './local-env';
import { migrateAll } from './migrate';
import { seedMarketplace } from './seed/seed-marketplace';

const DEFAULT_COUNSELORS = 40;
const MAX_COUNSELORS = 100_000;
/** Outside production only; printed with the logins. Override with SEED_PASSWORD. */
const DEFAULT_PASSWORD = 'haven-demo-password';

/**
 * `npm run seed [-- --counselors N]`: a demo marketplace in the database `npm start` uses (same
 * `.env`), migrated first. Prints one login per role. A database seeded before is left alone.
 */
runMain(async () => {
  prepareLocalEnvironment();
  const config = loadConfig(CoreConfig);
  if (config.NODE_ENV === 'production') throw new ConfigError(['NODE_ENV: npm run seed refuses to run in production']);
  const counselors = counselorCount(process.argv.slice(2));
  await requireInfrastructure(config);
  await migrateAll(config.DATABASE_URL, (line) => console.warn(`[migrate] ${line}`));
  const password = process.env.SEED_PASSWORD || DEFAULT_PASSWORD;
  const result = await seedMarketplace(config.DATABASE_URL, {
    counselors,
    password,
    meetingBaseUrl: process.env.MEETING_BASE_URL,
    log: (line) => console.warn(`[seed] ${line}`),
  });
  console.warn(
    result.seeded
      ? `Seeded ${result.counselors} counselors.`
      : `This database was seeded before (${result.counselors} counselors); nothing was added. Use a fresh DATABASE_URL to seed again.`,
  );
  console.warn(`Log in with password ${result.seeded ? `"${password}"` : 'given at seeding'} as:`);
  for (const login of result.logins) console.warn(`  ${login.role.padEnd(10)} ${login.email}`);
});

function counselorCount(args: string[]): number {
  const index = args.indexOf('--counselors');
  if (index === -1) return DEFAULT_COUNSELORS;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > MAX_COUNSELORS) {
    throw new ConfigError([`--counselors: must be a whole number from 1 to ${MAX_COUNSELORS}`]);
  }
  return value;
}
