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

/** A client whose fetch records each Request it is handed (the typed methods hand over a Request). */
function typedClientAnswering(response: () => Response) {
  const seen: Request[] = [];
  const client = new ApiClient({
    baseUrl: 'http://xinqiao.test',
    fetch: async (input) => {
      seen.push(input as Request);
      return response();
    },
  });
  return { client, seen };
}

const pathOf = (request: Request | undefined) => {
  const url = new URL(request?.url ?? '');
  return url.pathname + url.search;
};

describe('ApiClient typed by the contract', () => {
  it('fills in path and query parameters', async () => {
    const { client, seen } = typedClientAnswering(() => json({ items: [], total: 0, page: 1, pageSize: 20 }));
    await client.GET('/api/units/{id}', { params: { path: { id: 'a b/c' } } });
    await client.GET('/api/units', { params: { query: { q: '学院', pageSize: 20 } } });
    expect(pathOf(seen[0])).toBe('/api/units/a%20b%2Fc');
    expect(pathOf(seen[1])).toBe(`/api/units?q=${encodeURIComponent('学院')}&pageSize=20`);
  });

  it('sends the session cookie, and the CSRF token on state-changing requests only', async () => {
    const { client, seen } = typedClientAnswering(() => json({ ok: true }));
    client.csrfToken = 'token-1';
    await client.GET('/api/auth/me');
    await client.PUT('/api/student-affairs/enrolment', { body: { academicYear: 2025, enrolment: 30000 } });
    expect(seen[0]?.headers.get('x-csrf-token')).toBeNull();
    expect(seen[1]?.headers.get('x-csrf-token')).toBe('token-1');
    expect(seen[1]?.credentials).toBe('same-origin');
    expect(seen[1]?.headers.get('content-type')).toBe('application/json');
    expect(await seen[1]?.text()).toBe('{"academicYear":2025,"enrolment":30000}');
  });

  it('answers the success body', async () => {
    const me = { person: { id: 'p1' } };
    const { client } = typedClientAnswering(() => json(me));
    await expect(client.GET('/api/auth/me')).resolves.toEqual(me);
  });

  it('sends extra headers such as the stated purpose of a read', async () => {
    const { client, seen } = typedClientAnswering(() => json({}));
    await client.GET('/api/students/{id}/file', {
      params: { path: { id: 's1' } },
      headers: { 'x-access-purpose': '个案会商 / case review' },
    });
    expect(seen[0]?.headers.get('x-access-purpose')).toBe('个案会商 / case review');
  });

  it('throws the API problem with the fields it names', async () => {
    const problem = {
      type: 'urn:xinqiao:problem:validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ field: 'enrolment', message: 'must be > 0' }],
    };
    const { client } = typedClientAnswering(() => json(problem, 400, 'application/problem+json'));
    const error = await client
      .PUT('/api/student-affairs/enrolment', { body: { academicYear: 2025, enrolment: -1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 400, title: 'Invalid request', errors: problem.errors });
  });

  it('calls onUnauthorized on 401 unless told to stay quiet, and still throws', async () => {
    const { client } = typedClientAnswering(() => json({ title: 'Unauthorized', status: 401 }, 401));
    let told = 0;
    client.onUnauthorized = () => {
      told += 1;
    };
    await expect(client.GET('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(told).toBe(1);
    await expect(client.GET('/api/frontends', { quiet401: true })).rejects.toMatchObject({ status: 401 });
    expect(told).toBe(1);
  });

  it('turns a non-JSON error page into a problem named by its status', async () => {
    const { client } = typedClientAnswering(() => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(client.GET('/api/auth/me')).rejects.toMatchObject({ status: 502, title: 'HTTP 502' });
  });

  it('turns a refused connection into a network problem (status 0)', async () => {
    const client = new ApiClient({
      baseUrl: 'http://xinqiao.test',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error = (await client.GET('/api/auth/me').catch((e: unknown) => e)) as ApiProblem;
    expect(error.isNetworkFailure).toBe(true);
    expect(error.detail).toBe('Failed to fetch');
  });

  it('answers undefined for 204', async () => {
    const { client } = typedClientAnswering(() => new Response(null, { status: 204 }));
    await expect(client.POST('/api/auth/logout')).resolves.toBeUndefined();
  });
});
