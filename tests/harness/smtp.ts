import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One email as the SMTP server received it, parsed. */
export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedEmail[];
  /** Emails received for `address` so far. */
  to: (address: string) => ReceivedEmail[];
  /** Refuses the next `count` messages for `address` with a temporary error (451), as a provider outage would. */
  refuseNext: (address: string, count: number) => void;
  /** Resolves once `count` emails for `address` arrived; rejects after `timeoutMs`. */
  waitFor: (address: string, count?: number, timeoutMs?: number) => Promise<ReceivedEmail[]>;
  /** The env that points the app's nodemailer provider (config/plugins.ts) at this server. */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * G8: a real SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port, receiving what
 * Strapi's nodemailer email provider sends: plain SMTP, no TLS or authentication.
 */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedEmail[] = [];
  const refusals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const key = address.address.toLowerCase();
      const left = refusals.get(key) ?? 0;
      if (left > 0) {
        refusals.set(key, left - 1);
        return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => received.filter((mail) => mail.to.includes(address.toLowerCase()));

  return {
    port,
    received,
    to,
    refuseNext: (address, count) => refusals.set(address.toLowerCase(), count),
    async waitFor(address, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (to(address).length < count) {
        if (Date.now() > deadline) throw new Error(`${to(address).length} of ${count} emails to ${address} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return to(address);
    },
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_IGNORE_TLS: 'true', EMAIL_FROM: 'Live Chat <chat@site.test>' },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
