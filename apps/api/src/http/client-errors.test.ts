import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors } from './client-errors.ts';

let server: ReturnType<typeof serve>;
let port: number;
beforeAll(async () => {
  const app = new Hono().get('/', (c) => c.text('ok'));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(headers: Record<string, string>): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http/client errors: what Node refuses before the app runs is problem+json too', () => {
  it('answers headers over the limit with 431 problem+json', async () => {
    const res = await get({ cookie: `x=${'a'.repeat(64 * 1024)}` });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'http.headers-too-large', status: 431 });
  });

  it('still serves a normal request', async () => {
    expect((await get({})).status).toBe(200);
  });
});
