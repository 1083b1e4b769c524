import { describe, expect, it } from 'vitest';
import { findLeaks } from './leaks.ts';
import { kindOfName, kindOfPathParam, type OpenApiDocument, operationsOf } from './operations.ts';
import { samplerFor, sampleValue } from './sample.ts';

const doc: OpenApiDocument = {
  paths: {
    '/api/cases/{id}/entries/{entryId}': {
      get: { parameters: [{ name: 'id', in: 'path', required: true }] },
    },
    '/api/auth/login': { post: { security: [] } },
    '/api/people': {
      post: {
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CreatePerson' } } },
        },
      },
    },
  },
  components: {
    schemas: {
      CreatePerson: {
        type: 'object',
        required: ['username', 'password'],
        properties: {
          username: { type: 'string', pattern: '^[a-z]+$', maxLength: 64 },
          password: { type: 'string', minLength: 12 },
          note: { type: 'string' },
          roles: {
            type: 'array',
            items: {
              type: 'object',
              required: ['role', 'unitId'],
              properties: {
                role: { type: 'string', enum: ['counsellor'] },
                unitId: { type: 'string', format: 'uuid' },
              },
            },
          },
        },
      },
    },
  },
};

describe('isolation/kit', () => {
  it('reads the operations of an OpenAPI document, public ones marked', () => {
    const ops = operationsOf(doc);
    expect(ops.map((op) => op.key)).toEqual([
      'GET /api/cases/{id}/entries/{entryId}',
      'POST /api/auth/login',
      'POST /api/people',
    ]);
    expect(ops[1]!.public).toBe(true);
    expect(ops[2]!.body?.contentType).toBe('application/json');
  });

  it('tells which record a parameter names, by name or by the path segment before it', () => {
    expect(kindOfPathParam('/api/cases/{id}/entries/{entryId}', 'id')).toBe('case');
    expect(kindOfPathParam('/api/cases/{id}/entries/{entryId}', 'entryId')).toBe('caseEntry');
    expect(kindOfPathParam('/api/students/{id}/file/entries/{entryId}', 'entryId')).toBe('fileEntry');
    expect(kindOfPathParam('/api/audit/students/{studentId}', 'studentId')).toBe('student');
    expect(kindOfPathParam('/api/gadgets/{id}', 'id')).toBeUndefined();
    expect(kindOfName('responsiblePersonId')).toBe('person');
    expect(kindOfName('studentIds')).toBe('student');
  });

  it('samples a body that fits the schema, with the target’s ids in every reference, optional ones included', () => {
    const sampler = samplerFor((kind) => (kind === 'unit' ? 'unit-of-target' : undefined));
    const body = sampleValue(doc, { $ref: '#/components/schemas/CreatePerson' }, 'body', undefined, sampler);
    expect(body).toEqual({
      username: 'probe',
      password: 'isolation-probe',
      roles: [{ role: 'counsellor', unitId: 'unit-of-target' }],
    });
    expect(sampler.idFields).toEqual(['body.roles.0.unitId']);
    expect(sampler.unfillable).toEqual([]);
  });

  it('reports what it cannot fill instead of guessing', () => {
    const sampler = samplerFor(() => 'x');
    sampleValue(
      doc,
      {
        type: 'object',
        required: ['code', 'gadgetId'],
        properties: { code: { type: 'string', pattern: '^Z{3}$' }, gadgetId: { type: 'string' } },
      },
      'body',
      undefined,
      sampler,
    );
    expect(sampler.unfillable).toEqual([
      'body.code: no probe text matches pattern ^Z{3}$ length 0..200',
      'body.gadgetId: field "gadgetId" names a record of an unknown kind (add it to NAMED_KINDS)',
    ]);
  });

  it('finds a planted leak, but not the id the request itself sent', () => {
    const forbidden = new Map([
      ['beta同学11', 'beta college 1 student name'],
      ['beta-unit-id', 'beta college 1 unit id'],
    ]);
    const body = JSON.stringify({ detail: 'No unit beta-unit-id', items: [{ name: 'beta同学11' }] });
    expect(findLeaks(body, forbidden, '/api/units/beta-unit-id')).toEqual([
      { marker: 'beta同学11', label: 'beta college 1 student name' },
    ]);
  });
});
