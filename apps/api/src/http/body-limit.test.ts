import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/json.ts';
import { limitBodySize } from './body-limit.ts';
import { problemErrorHandler } from './errors.ts';

describe('http/body-limit', () => {
  const app = new Hono();
  app.onError(problemErrorHandler(() => {}));
  app.use('*', limitBodySize(1024));
  app.post('/upload', async (c) => c.text(String((await c.req.text()).length)));

  it('refuses a body over the limit with a 413 problem before the handler reads it', async () => {
    const res = await app.request('/upload', { method: 'POST', body: 'x'.repeat(1025) });
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ code: 'http.payload-too-large', status: 413 });
  });

  it('lets a body within the limit through', async () => {
    const res = await app.request('/upload', { method: 'POST', body: 'x'.repeat(1024) });
    expect(await res.text()).toBe('1024');
  });
});

describe('http/body-limit behind @hono/node-server (the Node request in c.env.incoming)', () => {
  const app = new Hono();
  app.onError(problemErrorHandler(() => {}));
  app.use('*', limitBodySize(1024));
  app.post('/upload', async (c) => c.text(String((await c.req.text()).length)));
  app.get('/list', (c) => c.text('ok'));
  const behindNode = (headers: Record<string, string>) => ({ incoming: { headers } });

  it('refuses a body its Content-Length says is over the limit', async () => {
    const body = 'x'.repeat(1025);
    const res = await app.request(
      '/upload',
      { method: 'POST', body },
      behindNode({ 'content-length': '1025' }),
    );
    expect(res.status).toBe(413);
  });

  it('counts a chunked body, which states no length', async () => {
    const body = 'x'.repeat(1025);
    const res = await app.request(
      '/upload',
      { method: 'POST', body },
      behindNode({ 'transfer-encoding': 'chunked' }),
    );
    expect(res.status).toBe(413);
  });

  it('lets a request without a body through', async () => {
    const res = await app.request('/list', {}, behindNode({}));
    expect(await res.text()).toBe('ok');
  });
});
