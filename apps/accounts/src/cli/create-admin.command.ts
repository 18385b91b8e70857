import { DomainError } from '@haven/common';
import { ConfigError, loadConfig } from '@haven/infrastructure';
import { ensureDatabaseExists, openServiceDataSource, serviceDataSourceOptions } from '@haven/database';
import { OutboxService } from '@haven/messaging';
import { ACCOUNTS_ENTITIES, ACCOUNTS_MIGRATIONS } from '../accounts.schema';
import { PasswordHasher } from '../auth/password-hasher';
import { provisionAdmin } from '../bootstrap/admin-provisioning';
import { checkEmail, checkName, checkPassword } from '../common/user-input';
import { AccountsConfig } from '../config/accounts.config';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const USAGE = [
  'Usage: npm run create-admin -- --email <address> --password <password> [--name <name>]',
  '  Creates an admin account (roles client + admin), or grants admin to the existing account',
  '  with that e-mail address (its password is then left unchanged).',
  '  The password may also come from the environment variable ADMIN_PASSWORD.',
  '  Uses DATABASE_URL like the accounts service.',
].join('\n');

const OPTIONS = ['email', 'password', 'name'] as const;
type Option = (typeof OPTIONS)[number];

/** Parses `--key value` and `--key=value`; returns an error message for anything else. */
export function parseArgs(argv: string[]): { options: Partial<Record<Option, string>>; help: boolean } | string {
  const options: Partial<Record<Option, string>> = {};
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') {
      help = true;
      continue;
    }
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(argument);
    if (!match || !(OPTIONS as readonly string[]).includes(match[1])) return `unknown argument ${argument}`;
    const key = match[1] as Option;
    let value = match[2];
    if (value === undefined) {
      value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) return `--${key} needs a value`;
      index += 1;
    }
    options[key] = value;
  }
  return { options, help };
}

/** The whole `create-admin` command; returns the exit code. */
export async function createAdminCommand(argv: string[], env: NodeJS.ProcessEnv, io: CliOutput): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    io.err(`create-admin: ${parsed}\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  let email: string;
  let password: string;
  let name: string;
  try {
    email = checkEmail(parsed.options.email);
    password = checkPassword(parsed.options.password ?? env.ADMIN_PASSWORD);
    name = checkName(parsed.options.name ?? 'Administrator');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    io.err(`create-admin: ${error.message}\n${USAGE}`);
    return EXIT_USAGE;
  }

  let config: AccountsConfig;
  try {
    config = loadConfig(AccountsConfig, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return EXIT_USAGE;
  }

  await ensureDatabaseExists(config.DATABASE_URL);
  const dataSource = await openServiceDataSource({
    ...serviceDataSourceOptions({
      schema: 'accounts',
      url: config.DATABASE_URL,
      entities: ACCOUNTS_ENTITIES,
      migrations: ACCOUNTS_MIGRATIONS,
      poolSize: 2,
    }),
    schema: 'accounts',
  });
  try {
    const passwordHash = await new PasswordHasher().hash(password);
    const result = await provisionAdmin(
      dataSource,
      new OutboxService('accounts'),
      { email, passwordHash, name },
      { onlyIfNoAdmin: false, source: 'cli' },
    );
    switch (result.outcome) {
      case 'created':
        io.out(`Created admin ${email} (user ${result.userId}).`);
        break;
      case 'granted':
        io.out(`${email} already had an account: granted it the admin role (its password is unchanged).`);
        break;
      default:
        io.out(`${email} is already an admin; nothing changed.`);
    }
    return EXIT_OK;
  } finally {
    await dataSource.destroy();
  }
}
