import { describe, expect, it } from 'vitest';
import { createAdminCommand, EXIT_USAGE, parseArgs } from './create-admin.command';

describe('create-admin arguments', () => {
  it('reads --key value and --key=value', () => {
    expect(parseArgs(['--email', 'a@b.example', '--password=secret with = sign', '--name', 'Asha Rao'])).toEqual({
      options: { email: 'a@b.example', password: 'secret with = sign', name: 'Asha Rao' },
      help: false,
    });
  });

  it('refuses unknown arguments and missing values', () => {
    expect(parseArgs(['--role', 'admin'])).toMatch(/unknown argument --role/);
    expect(parseArgs(['--email'])).toMatch(/--email needs a value/);
    expect(parseArgs(['--email', '--password', 'x'])).toMatch(/--email needs a value/);
  });

  it('exits with a usage error before touching the database on bad input', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    expect(await createAdminCommand(['--email', 'nope', '--password', 'long enough pw'], {}, io)).toBe(EXIT_USAGE);
    expect(lines.join('\n')).toMatch(/email: must be an e-mail address/);
    lines.length = 0;
    expect(await createAdminCommand(['--email', 'a@b.example', '--password', 'short'], {}, io)).toBe(EXIT_USAGE);
    expect(lines.join('\n')).toMatch(/password: must be at least 10 characters/);
    lines.length = 0;
    expect(await createAdminCommand(['--email', 'a@b.example'], {}, io)).toBe(EXIT_USAGE);
    expect(lines.join('\n')).toMatch(/password/);
  });
});
