// A local SMTP server and a local HTTP receiver for the delivery tests: what reaches them is what a school's mail
// server or group robot would get.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Database, notificationChannels, notificationOutbox } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { asc } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { tenantScope } from '../../auth/scope.ts';
import { runAsJobRunner } from '../../jobs/runner-transaction.ts';
import type { EmailConfig, WebhookConfig } from './channels/config.ts';

/** Stores a school's channels as its admin would (the transaction holds `notifications.manage`). */
export async function setUpChannels(
  db: Database,
  schoolId: string,
  channels: { email?: EmailConfig & { enabled?: boolean }; webhook?: WebhookConfig & { enabled?: boolean } },
): Promise<void> {
  const scope = tenantScope({
    schoolId,
    personId: null,
    fullScopePaths: [],
    reducedScopePaths: [],
    capabilities: ['notifications.manage'],
  });
  await withTenant(db, scope, async (tx) => {
    await tx.delete(notificationChannels);
    for (const [kind, given] of Object.entries(channels) as ['email' | 'webhook', { enabled?: boolean }][]) {
      const { enabled = true, ...config } = given;
      await tx.insert(notificationChannels).values({ schoolId, kind, enabled, config });
    }
  });
}

/** The whole outbox, oldest first, as the job runner sees it. */
export function outboxRows(db: Database) {
  return runAsJobRunner(db, (tx) =>
    tx.select().from(notificationOutbox).orderBy(asc(notificationOutbox.createdAt)),
  );
}

/** An SMTP channel to a local server. */
export const localEmail = (port: number, extra: Partial<EmailConfig> = {}): EmailConfig => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  username: '',
  password: '',
  from: 'xinqiao@alpha.example.edu.cn',
  siteUrl: 'https://xinqiao.alpha.example.edu.cn',
  ...extra,
});

/** A message as the local SMTP server received it. */
export interface ReceivedMail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The whole message as it came over the wire. */
  raw: string;
}

/** A local SMTP server on a free port of 127.0.0.1 (no TLS, any login accepted). */
export interface LocalSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Logins seen, as 'user:password'. */
  logins: string[];
  /** Refuse the next `n` messages with a temporary failure (451). */
  refuseNext(n: number): void;
  /** Resolves with what was received once `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/**
 * Starts a local SMTP server (npm `smtp-server`) that keeps every message it accepts, parsed.
 *
 * @example
 * const smtp = await startSmtpServer();
 * // channel config: { host: '127.0.0.1', port: smtp.port, security: 'none', … }
 * const [mail] = await smtp.waitFor(1);
 */
export async function startSmtpServer(): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  const logins: string[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username ?? ''}:${auth.password ?? ''}`);
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const refusal = Object.assign(new Error('try again later'), { responseCode: 451 });
          callback(refusal);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            received.push({
              messageId: mail.messageId ?? '',
              from: mail.from?.text ?? '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              text: (mail.text ?? '').trimEnd(),
              raw,
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    logins,
    refuseNext: (n) => {
      refusals = n;
    },
    waitFor: (count, timeoutMs = 10_000) =>
      waitUntil(
        () => received.length >= count,
        timeoutMs,
        () => [...received],
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A request as the local HTTP receiver got it. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A local HTTP receiver standing in for a group robot. */
export interface LocalHttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Answer the next `n` requests with 503. */
  failNext(n: number): void;
  /** Answer requests with this robot reply (200): `{ errcode: 0 }` by default. */
  replyWith(body: unknown): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/**
 * Starts a local HTTP receiver (node:http) on a free port that keeps every request and answers as a robot does.
 *
 * @example
 * const robot = await startHttpReceiver();
 * // channel config: { url: `${robot.url}/send?key=k`, format: 'wecom', … }
 */
export async function startHttpReceiver(): Promise<LocalHttpReceiver> {
  const requests: ReceivedRequest[] = [];
  let failures = 0;
  let reply: unknown = { errcode: 0, errmsg: 'ok' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      if (failures > 0) {
        failures--;
        res.writeHead(503).end('busy');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (n) => {
      failures = n;
    },
    replyWith: (body) => {
      reply = body;
    },
    waitFor: (count, timeoutMs = 10_000) =>
      waitUntil(
        () => requests.length >= count,
        timeoutMs,
        () => [...requests],
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function waitUntil<T>(done: () => boolean, timeoutMs: number, result: () => T): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not received within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return result();
}
