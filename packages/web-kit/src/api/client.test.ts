import { describe, expect, it } from 'vitest';
import { ApiClient } from './client.ts';
import { ApiProblem } from './problem.ts';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

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

  it('asks for problems in the language the page shows', async () => {
    let locale = 'zh-CN';
    const seen: Request[] = [];
    const client = new ApiClient({
      baseUrl: 'http://xinqiao.test',
      locale: () => locale,
      fetch: async (input) => {
        seen.push(input as Request);
        return json({});
      },
    });
    await client.GET('/api/auth/me');
    locale = 'en';
    await client.PUT('/api/student-affairs/enrolment', { body: { academicYear: 2025, enrolment: 30000 } });
    expect(seen.map((request) => request.headers.get('accept-language'))).toEqual(['zh-CN', 'en']);
  });

  it('keeps the code of a problem the API answered', async () => {
    const { client } = typedClientAnswering(() =>
      json(
        {
          type: 'urn:xinqiao:problem:auth.sign-in-required',
          code: 'auth.sign-in-required',
          title: '请先登录',
          status: 401,
          detail: '这个操作需要先登录。',
        },
        401,
        'application/problem+json',
      ),
    );
    const problem = await client.GET('/api/auth/me', { quiet401: true }).catch((error: unknown) => error);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ code: 'auth.sign-in-required', title: '请先登录' });
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
