import { describe, expect, it } from 'vitest';
import { formProblem } from './form-problem.ts';
import { ApiProblem } from './problem.ts';

const problem = (errors: { field?: string; message?: string }[]) =>
  new ApiProblem({ title: 'Invalid request', status: 400, errors });

describe('formProblem', () => {
  it('puts each error next to the field it names, as the API wrote it', () => {
    const split = formProblem(
      problem([
        { field: 'dueDate', message: '不能早于今天（2025-04-01）' },
        { field: 'title', message: '不能为空' },
      ]),
      ['title', 'dueDate', 'responsiblePersonId'],
    );
    expect(split.fields).toEqual({ dueDate: '不能早于今天（2025-04-01）', title: '不能为空' });
    expect(split.general).toBeNull();
  });

  it('places a nested path on its enclosing field', () => {
    const split = formProblem(problem([{ field: 'roles.1.unitId', message: 'No such unit' }]), ['roles']);
    expect(split.fields).toEqual({ roles: 'No such unit' });
  });

  it('keeps the problem for the alert when an error names no field of the form', () => {
    const error = problem([
      { field: 'studentId', message: 'no such student' },
      { field: 'title', message: 'empty' },
    ]);
    const split = formProblem(error, ['title']);
    expect(split.fields).toEqual({ title: 'empty' });
    expect(split.general).toBe(error);
  });

  it('sends problems without field errors (403, network) to the alert', () => {
    const forbidden = new ApiProblem({ title: 'Forbidden', status: 403 });
    expect(formProblem(forbidden, ['title'])).toEqual({ fields: {}, general: forbidden });
    const thrown = new Error('boom');
    expect(formProblem(thrown, ['title']).general).toBe(thrown);
  });
});
