import { describe, expect, it } from 'vitest';
import { ApiClient } from './client.ts';
import { ApiProblem } from './problem.ts';

interface Seen {
  url: string;
  init: RequestInit;
}

function clientAnswering(response: () => Response) {
  const seen: Seen[] = [];
  const client = new ApiClient({
    fetch: async (url, init) => {
      seen.push({ url: String(url), init: init ?? {} });
      return response();
    },
  });
  return { client, seen };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('ApiClient', () => {
  it('sends the CSRF token on state-changing requests only', async () => {
    const { client, seen } = clientAnswering(() => json({ ok: true }));
    client.csrfToken = 'token-1';
    await client.get('/api/a');
    await client.put('/api/b', { enrolment: 30000 });
    const headersOf = (i: number) => seen[i]?.init.headers as Record<string, string>;
    expect(headersOf(0)['x-csrf-token']).toBeUndefined();
    expect(headersOf(1)['x-csrf-token']).toBe('token-1');
    expect(seen[1]?.init.body).toBe('{"enrolment":30000}');
  });

  it('throws the API problem with the fields it names', async () => {
    const problem = {
      type: 'https://xinqiao.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'enrolment must be positive',
      errors: [{ field: 'enrolment', message: 'must be > 0' }],
    };
    const { client } = clientAnswering(() => json(problem, 400, 'application/problem+json'));
    const error = await client.post('/api/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 400, title: 'Invalid request', errors: problem.errors });
  });

  it('calls onUnauthorized on 401 and still throws', async () => {
    const { client } = clientAnswering(() => json({ title: 'Unauthorized', status: 401 }, 401));
    let told = 0;
    client.onUnauthorized = () => {
      told += 1;
    };
    await expect(client.get('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(told).toBe(1);
    await expect(client.get('/api/frontends', undefined, { quiet401: true })).rejects.toMatchObject({
      status: 401,
    });
    expect(told).toBe(1);
  });

  it('turns a non-JSON error page into a problem named by its status', async () => {
    const { client } = clientAnswering(() => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(client.get('/api/x')).rejects.toMatchObject({ status: 502, title: 'HTTP 502' });
  });

  it('turns a refused connection into a network problem (status 0)', async () => {
    const client = new ApiClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = (await client.get('/api/x').catch((e: unknown) => e)) as ApiProblem;
    expect(error.isNetworkFailure).toBe(true);
    expect(error.detail).toBe('Failed to fetch');
  });

  it('returns undefined for 204', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(client.post('/api/auth/logout')).resolves.toBeUndefined();
  });
});
