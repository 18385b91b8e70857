import { TcpProxy } from '@haven/testing';
import { simpleParser } from 'mailparser';
import { createServer, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: { filename: string; contentType: string; content: string }[];
  receivedAt: string;
}

/**
 * A real SMTP server for the e2e run, behind a proxy that can be cut (SMTP down) and restored.
 * It runs in the global setup's process, so tests read what it received, and cut it, over a
 * small HTTP API (`tests/support/mail.ts`).
 */
export class MailSink {
  private constructor(
    private readonly smtp: SMTPServer,
    private readonly proxy: TcpProxy,
    private readonly http: Server,
    readonly controlUrl: string,
  ) {}

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.proxy.port}`;
  }

  static async start(): Promise<MailSink> {
    const received: ReceivedMail[] = [];
    const smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              to: [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? '')),
              from: mail.from?.text ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
              attachments: mail.attachments.map((attachment) => ({
                filename: attachment.filename ?? '',
                contentType: attachment.contentType,
                content: attachment.content.toString('utf8'),
              })),
              receivedAt: new Date().toISOString(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    const smtpPort = await new Promise<number>((resolve) =>
      smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port)),
    );
    const proxy = await TcpProxy.start('127.0.0.1', smtpPort);
    const http = createServer((request, response) => {
      const reply = (status: number, body?: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (request.method === 'GET' && request.url === '/messages') return reply(200, received);
      if (request.method === 'POST' && request.url === '/down') return void proxy.cut().then(() => reply(204));
      if (request.method === 'POST' && request.url === '/up') return void proxy.restore().then(() => reply(204));
      reply(404);
    });
    const httpPort = await new Promise<number>((resolve) =>
      http.listen(0, '127.0.0.1', () => resolve((http.address() as { port: number }).port)),
    );
    return new MailSink(smtp, proxy, http, `http://127.0.0.1:${httpPort}`);
  }

  async stop(): Promise<void> {
    await this.proxy.stop();
    await new Promise((resolve) => this.http.close(resolve));
    await new Promise((resolve) => this.smtp.close(() => resolve(undefined)));
  }
}
