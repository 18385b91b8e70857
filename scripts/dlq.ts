import 'reflect-metadata';
import { CoreConfig, loadConfig } from '@haven/infrastructure';
import { parseDlqCommand, runDlqCommand } from '@haven/messaging';

/**
 * `npm run dlq -- list|show|replay <service> ...`: inspects and replays a service's dead-letter
 * queue on the broker named by RABBITMQ_URL.
 */
const command = parseDlqCommand(process.argv.slice(2));
if ('problem' in command) {
  process.stderr.write(`${command.problem}\n`);
  process.exit(2);
}
runDlqCommand(command, loadConfig(CoreConfig).RABBITMQ_URL, (line) => process.stdout.write(`${line}\n`))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`dlq failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
