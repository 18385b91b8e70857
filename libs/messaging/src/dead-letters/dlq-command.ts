import { SERVICE_NAMES } from '@haven/contracts';
import { type DeadLetter, DeadLetterQueue, type DeadLetterSource, matchesReference } from './dead-letter-queue';

export const DLQ_USAGE = [
  'usage:',
  '  npm run dlq -- list <service>                       every dead letter of the service, oldest first',
  '  npm run dlq -- show <service> <n|messageId>         one dead letter in full (headers and event)',
  '  npm run dlq -- replay <service> <n|messageId>|--all  republish to haven.events with its routing key',
  `services: ${SERVICE_NAMES.join(', ')}, or "unrouted" for events published while no queue took their type`,
].join('\n');

const SOURCES: readonly DeadLetterSource[] = [...SERVICE_NAMES, 'unrouted'];

export type DlqCommand =
  | { action: 'list'; service: DeadLetterSource }
  | { action: 'show'; service: DeadLetterSource; reference: string }
  | { action: 'replay'; service: DeadLetterSource; reference: string | 'all' };

/** Reads the command line; returns a readable problem instead of a command when it is wrong. */
export function parseDlqCommand(args: string[]): DlqCommand | { problem: string } {
  const [action, service, reference, ...extra] = args;
  if (!action || action === '--help' || action === 'help') return { problem: DLQ_USAGE };
  if (action !== 'list' && action !== 'show' && action !== 'replay') {
    return { problem: `unknown action "${action}"\n${DLQ_USAGE}` };
  }
  if (!service) return { problem: `${action} needs a service (${SOURCES.join(', ')})` };
  if (!(SOURCES as readonly string[]).includes(service)) {
    return { problem: `unknown service "${service}" (one of ${SOURCES.join(', ')})` };
  }
  const known = service as DeadLetterSource;
  if (extra.length > 0) return { problem: `unexpected "${extra.join(' ')}"\n${DLQ_USAGE}` };
  if (action === 'list') {
    return reference === undefined ? { action, service: known } : { problem: `list takes no "${reference}"` };
  }
  if (!reference) {
    const what = action === 'show' ? 'a position (1, 2, …) or a message id' : 'a position, a message id or --all';
    return { problem: `${action} needs ${what}` };
  }
  if (action === 'show') {
    return reference === '--all'
      ? { problem: 'show takes one dead letter, not --all' }
      : { action, service: known, reference };
  }
  return { action, service: known, reference: reference === '--all' ? 'all' : reference };
}

function summary(letter: DeadLetter): string {
  return [
    `#${letter.position}`,
    letter.messageId ?? '(no message id)',
    letter.type ?? '(unknown type)',
    `dead-lettered ${letter.deadLetteredAt ?? '(time unknown)'}`,
    `${letter.reason ?? 'unknown reason'} in ${letter.diedIn ?? '?'}`,
  ].join('  ');
}

/** Runs one command against the broker, printing lines; returns the process exit code. */
export async function runDlqCommand(
  command: DlqCommand,
  rabbitmqUrl: string,
  print: (line: string) => void,
): Promise<number> {
  const queue = await DeadLetterQueue.open(rabbitmqUrl, command.service);
  try {
    if (command.action === 'list') {
      const letters = await queue.list();
      print(`${queue.queue}: ${letters.length} dead letter${letters.length === 1 ? '' : 's'}`);
      letters.forEach((letter) => print(summary(letter)));
      return 0;
    }
    if (command.action === 'show') {
      const letter = (await queue.list()).find((candidate) => matchesReference(candidate, command.reference));
      if (!letter) {
        print(`${queue.queue} has no dead letter ${command.reference}`);
        return 1;
      }
      print(JSON.stringify(letter, null, 2));
      return 0;
    }
    const { reference } = command;
    const replayed = await queue.replay((letter) => reference === 'all' || matchesReference(letter, reference));
    if (replayed.length === 0 && reference !== 'all') {
      print(`${queue.queue} has no dead letter ${reference}`);
      return 1;
    }
    print(`replayed ${replayed.length} from ${queue.queue} to haven.events`);
    replayed.forEach((letter) => print(summary(letter)));
    return 0;
  } finally {
    await queue.close();
  }
}
