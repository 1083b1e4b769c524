import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/json.ts';
import { problemErrorHandler, problemNotFound } from './errors.ts';
import { fieldError, PROBLEM_MEDIA_TYPE, problem } from './problem.ts';

function appThrowing(error: unknown, logged: unknown[] = []) {
  const app = new Hono();
  app.onError(problemErrorHandler((_message, e) => logged.push(e)));
  app.notFound(problemNotFound);
  app.get('/boom', () => {
    throw error;
  });
  return app;
}

describe('http/errors', () => {
  it('answers a thrown problem as RFC 9457 problem+json with its status and code, in zh-CN by default', async () => {
    const res = await appThrowing(problem('http.no-route', { method: 'GET', path: '/x' })).request('/boom');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe(PROBLEM_MEDIA_TYPE);
    expect(res.headers.get('content-language')).toBe('zh-CN');
    expect(res.headers.get('vary')).toContain('Accept-Language');
    expect(await json(res)).toEqual({
      type: 'urn:xinqiao:problem:http.no-route',
      code: 'http.no-route',
      title: '没有这个接口',
      status: 404,
      detail: '没有接口 GET /x。',
    });
  });

  it('answers the same problem in the language the request asks for, with the same code', async () => {
    const thrown = problem('auth.session-expired').naming([fieldError('name', 'field.required')]);
    const ask = (language: string) =>
      appThrowing(thrown).request('/boom', { headers: { 'accept-language': language } });
    const zh = await json(await ask('zh-CN,zh;q=0.9'));
    const en = await json(await ask('en-US,en;q=0.9'));
    expect(zh).toMatchObject({ code: 'auth.session-expired', title: '登录已过期' });
    expect(zh.errors).toEqual([{ field: 'name', code: 'field.required', message: '必填' }]);
    expect(en).toMatchObject({ code: 'auth.session-expired', title: 'Session expired' });
    expect(en.errors).toEqual([{ field: 'name', code: 'field.required', message: 'Required' }]);
    expect((await ask('en')).headers.get('content-language')).toBe('en');
    for (const body of [zh, en]) expect(`${body.title} ${body.detail}`).not.toContain(' / ');
  });

  it('keeps the Retry-After header of a rate-limit problem', async () => {
    const res = await appThrowing(
      problem('auth.too-many-attempts').withHeaders({ 'retry-after': '62' }),
    ).request('/boom');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('62');
  });

  it('logs an unexpected error but never sends its message or stack', async () => {
    const logged: unknown[] = [];
    const secret = new Error('connection to 10.0.0.5 failed: password authentication failed for "xinqiao"');
    const res = await appThrowing(secret, logged).request('/boom');
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe(PROBLEM_MEDIA_TYPE);
    expect(text).not.toContain('10.0.0.5');
    expect(text).not.toContain('at ');
    expect(JSON.parse(text)).toMatchObject({ code: 'server.internal', status: 500, title: '服务器出错' });
    expect(logged).toEqual([secret]);
  });

  it('turns an HTTPException into a problem with the same status', async () => {
    const res = await appThrowing(new HTTPException(413, { message: 'Body too large' })).request('/boom');
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ status: 413, code: 'http.payload-too-large' });
  });

  it('maps a unique violation wrapped by drizzle to 409 naming the constraint', async () => {
    const driverError = Object.assign(new Error('duplicate key value'), {
      code: '23505',
      constraint: 'students_school_number_unique',
    });
    const wrapped = new Error('Failed query: insert into "students" ...', { cause: driverError });
    const res = await appThrowing(wrapped).request('/boom');
    expect(res.status).toBe(409);
    const body = await json(res);
    expect(body).toMatchObject({ code: 'database.duplicate-key', status: 409, title: '记录已存在' });
    expect(body.detail).toContain('students_school_number_unique');
    expect(JSON.stringify(body)).not.toContain('insert into');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await appThrowing(null).request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({
      status: 404,
      code: 'http.no-route',
      detail: '没有接口 GET /api/nothing-here。',
    });
  });
});
