import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { describeListenError, StartupError } from './run-main';

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

describe('describeListenError', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  it('turns a taken port into one line that names the port and what to do', async () => {
    const first = createServer();
    const second = createServer();
    servers.push(first, second);
    await listen(first, 0);
    const { port } = first.address() as { port: number };
    const error = await listen(second, port).catch((caught: unknown) => caught);

    const described = describeListenError(error, port);
    expect(described).toBeInstanceOf(StartupError);
    expect((described as Error).message).toBe(
      `Port ${port} is already in use: stop what listens there, or set PORT to a free port.`,
    );
  });

  it('explains a privileged port', () => {
    const error = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES' });
    expect((describeListenError(error, 80) as Error).message).toMatch(/^Port 80 needs privileges .* above 1023\.$/);
  });

  it('leaves any other error as it is', () => {
    const error = new Error('something else');
    expect(describeListenError(error, 3000)).toBe(error);
  });
});
