import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem.ts';
import { i18n, setLocale } from '../i18n/index.ts';
import ProblemAlert from './ProblemAlert.vue';

const mountWith = (problem: unknown) =>
  mount(ProblemAlert, { props: { problem }, global: { plugins: [i18n] } });

describe('ProblemAlert', () => {
  afterEach(() => setLocale('zh-CN'));

  it('names every field and row the API rejected', () => {
    const problem = new ApiProblem({
      title: 'Invalid import',
      status: 400,
      detail: '2 rows rejected',
      errors: [
        { field: 'guardians.0.phone', message: 'not a phone number' },
        { row: 7, column: 'B', reason: 'unknown class' },
      ],
    });
    const text = mountWith(problem).text();
    expect(text).toContain('Invalid import');
    expect(text).toContain('2 rows rejected');
    expect(text).toContain('guardians.0.phone：not a phone number');
    expect(text).toContain('第 7 行 · B 列：unknown class');
  });

  it('shows the title and detail as the API wrote them, in the one language it was asked for', () => {
    const problem = new ApiProblem({
      type: 'urn:xinqiao:problem:screening.wave-not-open',
      code: 'screening.wave-not-open',
      title: '筛查批次未开放',
      status: 409,
      detail: '筛查批次“2025 秋季新生”未开放，请先开放再导入。',
    });
    setLocale('en');
    const text = mountWith(problem).text();
    expect(text).toContain('筛查批次未开放');
    expect(text).toContain('请先开放再导入');
    expect(text).not.toContain(' / ');
  });

  it('explains a network failure in the current language', () => {
    setLocale('en');
    const wrapper = mountWith(new ApiProblem({ title: 'Network error', status: 0 }));
    expect(wrapper.text()).toContain('Cannot reach the server');
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
  });
});
