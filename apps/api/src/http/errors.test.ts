import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/json.ts';
import { problemErrorHandler, problemNotFound } from './errors.ts';
import { PROBLEM_MEDIA_TYPE, problems } from './problem.ts';

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
  it('answers a thrown problem as RFC 9457 problem+json with its status', async () => {
    const res = await appThrowing(problems.notFound('没有这个学生 / No such student')).request('/boom');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe(PROBLEM_MEDIA_TYPE);
    expect(await json(res)).toEqual({
      type: 'urn:xinqiao:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: '没有这个学生 / No such student',
    });
  });

  it('keeps the Retry-After header of a rate-limit problem', async () => {
    const res = await appThrowing(problems.tooManyRequests('slow down', 61.2)).request('/boom');
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
    expect(JSON.parse(text)).toMatchObject({ type: 'urn:xinqiao:problem:internal', status: 500 });
    expect(logged).toEqual([secret]);
  });

  it('turns an HTTPException into a problem with the same status', async () => {
    const res = await appThrowing(new HTTPException(413, { message: 'Body too large' })).request('/boom');
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ status: 413, detail: 'Body too large' });
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
    expect(body).toMatchObject({ type: 'urn:xinqiao:problem:conflict', status: 409 });
    expect(body.detail).toContain('students_school_number_unique');
    expect(JSON.stringify(body)).not.toContain('insert into');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await appThrowing(null).request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ status: 404, detail: 'No route GET /api/nothing-here' });
  });
});
