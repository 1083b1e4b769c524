import { flushPromises, mount } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import AuditLog from './AuditLog.vue';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const page = {
  items: [
    {
      id: 12,
      seq: 12,
      at: '2026-12-01T02:30:00.000Z',
      action: 'screening_history.read',
      actionLabel: { zh: '查看筛查历史', en: 'Read screening history' },
      entity: 'student',
      entityId: 's1',
      studentId: 's1',
      purpose: '随访',
      actor: { personId: 'p1', username: 'center1', displayName: '李老师' },
      role: 'center_staff',
      unit: { id: 'u1', name: '心理健康教育中心', levelKey: 'center' },
    },
  ],
  page: 1,
  pageSize: 20,
  total: 1,
  actions: [
    { action: 'screening_history.read', label: { zh: '查看筛查历史', en: 'Read screening history' } },
  ],
};

/** Answers the log's calls; records every URL asked for. */
function fakeApi(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (request: Request | string) => {
    const url = new URL(typeof request === 'string' ? request : request.url, 'http://x');
    asked.push(url.pathname + url.search);
    if (url.pathname === '/api/audit/log/export.xlsx')
      return new Response(new Blob(['xlsx']), { status: 200 });
    if (url.pathname === '/api/audit/log') return json(page);
    throw new Error(`unexpected request ${url.pathname}`);
  });
  return asked;
}

const mountLog = () => mount(AuditLog, { global: { plugins: [i18n, createPinia()] } });

describe('the audit log', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists who did what in China time, with the action and role named in Chinese, not by code', async () => {
    fakeApi();
    const wrapper = mountLog();
    await vi.waitFor(() => expect(wrapper.text()).toContain('李老师（center1）'));
    const table = wrapper.get('[data-testid="sadm-log-table"]').text();
    expect(table).toContain('查看筛查历史');
    expect(table).not.toContain('screening_history.read');
    expect(table).toContain('10:30');
    expect(table).toContain('心理健康教育中心');
    expect(table).not.toContain('center_staff');
  });

  it('asks for the chosen days and exports under the same filters', async () => {
    const asked = fakeApi();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    const wrapper = mountLog();
    await flushPromises();
    await wrapper.get('input[data-testid="sadm-log-from"]').setValue('2026-12-01');
    await wrapper.get('input[data-testid="sadm-log-to"]').setValue('2026-12-03');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() =>
      expect(asked).toContain('/api/audit/log?from=2026-12-01&to=2026-12-03&page=1&pageSize=20'),
    );
    await wrapper.get('[data-testid="sadm-log-export"]').trigger('click');
    await vi.waitFor(() =>
      expect(asked).toContain('/api/audit/log/export.xlsx?from=2026-12-01&to=2026-12-03'),
    );
  });
});
