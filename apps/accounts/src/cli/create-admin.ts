import 'reflect-metadata';
import { createAdminCommand, EXIT_FAILURE } from './create-admin.command';

/**
 * `npm run create-admin -- --email a@b.example --password '...' --name 'Asha Rao'`: creates an
 * admin (or grants admin to an existing account) directly in the accounts schema.
 */
createAdminCommand(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`create-admin failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_FAILURE);
  });
