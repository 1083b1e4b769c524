import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/json.ts';
import { problemErrorHandler } from './errors.ts';
import { validationHook } from './validation.ts';

const StudentBody = z.object({
  name: z.string().min(1),
  enrolmentYear: z.number().int().min(1990),
  guardians: z.array(z.object({ name: z.string(), phone: z.string().regex(/^1\d{10}$/) })),
});

function appWithRoute() {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(problemErrorHandler(() => {}));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/students',
      request: {
        query: z.object({ dryRun: z.enum(['yes', 'no']).optional() }),
        body: { content: { 'application/json': { schema: StudentBody } } },
      },
      responses: { 201: { description: 'created' } },
    }),
    (c) => c.json(c.req.valid('json'), 201),
  );
  return app;
}

const post = (body: string, query = '') =>
  appWithRoute().request(`/students${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('http/validation', () => {
  it('names every invalid field by its path, nested ones included', async () => {
    const res = await post(
      JSON.stringify({ name: '', enrolmentYear: 1800, guardians: [{ name: '母亲', phone: '12345' }] }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await json(res);
    expect(body.code).toBe('validation.invalid-field');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'enrolmentYear',
      'guardians.0.phone',
      'name',
    ]);
    expect(body.detail).toContain('guardians.0.phone');
  });

  it('names a missing field', async () => {
    const res = await post(JSON.stringify({ name: '张三', guardians: [] }));
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([
      { field: 'enrolmentYear', code: 'field.required', message: '必填' },
    ]);
  });

  it('says what is wrong with each field in the language the request asks for', async () => {
    const body = JSON.stringify({
      name: '',
      enrolmentYear: 1800,
      guardians: [{ name: '母亲', phone: 12345 }],
    });
    const messages = async (language: string) => {
      const res = await appWithRoute().request('/students', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body,
      });
      const errors: { field: string; code: string; message: string }[] = (await json(res)).errors;
      return Object.fromEntries(errors.map((e) => [e.field, [e.code, e.message]]));
    };
    expect(await messages('zh-CN')).toEqual({
      name: ['field.too-small', '不能为空'],
      enrolmentYear: ['field.too-small', '不能小于 1990'],
      'guardians.0.phone': ['field.wrong-type', '应为文本'],
    });
    expect(await messages('en')).toEqual({
      name: ['field.too-small', 'Must not be empty'],
      enrolmentYear: ['field.too-small', 'Must be at least 1990'],
      'guardians.0.phone': ['field.wrong-type', 'Must be text'],
    });
  });

  it('names a bad query parameter', async () => {
    const res = await post(
      JSON.stringify({ name: '张三', enrolmentYear: 2024, guardians: [] }),
      '?dryRun=maybe',
    );
    expect(res.status).toBe(400);
    expect((await json(res)).errors[0]).toEqual({
      field: 'dryRun',
      code: 'field.invalid-option',
      message: '应为以下之一：yes、no',
    });
  });

  it('answers malformed JSON with a problem, not a crash', async () => {
    const res = await post('{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('lets a valid body through to the handler', async () => {
    const res = await post(JSON.stringify({ name: '张三', enrolmentYear: 2024, guardians: [] }));
    expect(res.status).toBe(201);
  });
});
