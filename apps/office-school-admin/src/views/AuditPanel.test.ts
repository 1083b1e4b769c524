import { mount } from '@vue/test-utils';
import { i18n } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import AuditPanel from './AuditPanel.vue';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** Answers the audit panel's API calls from `routes` (path prefix → body); records the paths asked for. */
function fakeApi(routes: Record<string, unknown>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    const input = url.pathname + url.search;
    asked.push(input);
    if (url.pathname === '/api/audit/log')
      return json({
        items: [],
        page: 1,
        pageSize: 20,
        total: 0,
        actions: [
          { action: 'screening_history.read', label: { zh: '查看筛查历史', en: 'Read screening history' } },
        ],
      });
    const key = Object.keys(routes).find((prefix) => input.startsWith(prefix));
    if (!key) throw new Error(`unexpected request ${input}`);
    return json(routes[key]);
  });
  return asked;
}

const mountPanel = () => mount(AuditPanel, { global: { plugins: [i18n, createPinia()] } });

describe('the audit panel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the first broken row of a broken chain', async () => {
    fakeApi({
      '/api/audit/verify': {
        intact: false,
        rows: 120,
        firstBrokenRow: { id: 77, seq: 41, reason: 'row content does not match its hash' },
      },
    });
    const wrapper = mountPanel();
    await wrapper.get('[data-testid="sadm-verify"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('审计链已被破坏（共 120 条记录）'));
    expect(wrapper.text()).toContain('序号 41（ID 77）');
    expect(wrapper.text()).toContain('row content does not match its hash');
  });

  it('says when the newest rows were deleted behind the API’s back', async () => {
    fakeApi({
      '/api/audit/verify': {
        intact: false,
        rows: 117,
        head: { seq: 117, hash: 'h117' },
        anchor: { source: 'server', seq: 120, hash: 'h120', at: '2026-12-06T03:00:00.000Z' },
        checkpoints: 2,
        tamper: { kind: 'tail-deleted', seq: 120, missingRows: 3, reason: 'the newest rows are missing' },
      },
    });
    const wrapper = mountPanel();
    await wrapper.get('[data-testid="sadm-verify"]').trigger('click');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="sadm-verify-tamper"]').text()).toBe(
        '最新的 3 条审计记录被删除：审计链止于序号 117，而库外锚点记录到序号 120。',
      ),
    );
  });

  it('shows the anchor an intact chain was checked against, and offers the signed checkpoints', async () => {
    fakeApi({
      '/api/audit/verify': {
        intact: true,
        rows: 120,
        head: { seq: 120, hash: 'h' },
        anchor: { source: 'checkpoint', seq: 118, hash: 'g', at: '2026-12-06T03:00:00.000Z' },
        checkpoints: 4,
      },
    });
    const wrapper = mountPanel();
    await wrapper.get('[data-testid="sadm-verify"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.text()).toContain('审计链完整，共 120 条记录'));
    expect(wrapper.get('[data-testid="sadm-verify-anchor"]').text()).toContain('序号 118（签名检查点');
    expect(wrapper.get('[data-testid="sadm-verify-anchor"]').text()).toContain('签名检查点 4 个');
    expect(wrapper.find('[data-testid="sadm-export-checkpoints"]').exists()).toBe(true);
  });

  it('checks a file of exported checkpoints and says what the file proved, or that it is not one', async () => {
    const asked = fakeApi({
      '/api/audit/checkpoints/check': {
        intact: false,
        rows: 40,
        head: { seq: 40, hash: 'h40' },
        anchor: { source: 'export', seq: 45, hash: 'h45', at: '2026-12-01T03:00:00.000Z' },
        checkpoints: 0,
        tamper: { kind: 'tail-deleted', seq: 45, missingRows: 5, reason: 'x' },
        exported: { checked: 3, otherKey: 1 },
      },
    });
    const wrapper = mountPanel();
    const input = wrapper.get('[data-testid="sadm-check-export-file"]');
    const pick = async (text: string) => {
      Object.defineProperty(input.element, 'files', {
        value: [new File([text], 'audit.json', { type: 'application/json' })],
        configurable: true,
      });
      await input.trigger('change');
    };
    await pick('not json');
    await vi.waitFor(() => expect(wrapper.text()).toContain('它不是导出的审计签名检查点'));
    await pick(JSON.stringify({ schoolId: 's1', checkpoints: [{ seq: 45 }] }));
    await vi.waitFor(() => expect(wrapper.text()).toContain('最新的 5 条审计记录被删除'));
    expect(wrapper.get('[data-testid="sadm-verify-exported"]').text()).toContain('检查点 3 个');
    expect(asked).toContain('/api/audit/checkpoints/check');
  });

  it('picks the student whose number is exactly the one typed, and says so next to the field when none is', async () => {
    const asked = fakeApi({
      '/api/students': {
        items: [
          { id: 's10', studentNumber: '20240301270', name: '李四', className: 'k' },
          { id: 's1', studentNumber: '2024030127', name: '张三', className: 'k' },
        ],
        page: 1,
        pageSize: 20,
        total: 2,
      },
      '/api/audit/students/s1': {
        items: [
          {
            id: 9,
            seq: 9,
            at: '2025-04-01T02:30:00.000Z',
            action: 'student_file.read',
            entity: 'student',
            entityId: 's1',
            purpose: '查看学生档案 / student file',
            actor: { personId: 'p1', username: 'counsellor', displayName: '王辅导员' },
            role: 'counsellor',
            unit: { id: 'c1', name: '第一临床医学院', levelKey: 'college' },
          },
          {
            id: 10,
            seq: 10,
            at: '2025-04-02T02:30:00.000Z',
            action: 'screening_history.read',
            entity: 'student',
            entityId: 's1',
            purpose: '随访',
            actor: { personId: 'p2', username: 'center1', displayName: '李老师' },
            role: 'center_staff',
            unit: null,
          },
        ],
        page: 1,
        pageSize: 20,
        total: 2,
      },
    });
    const wrapper = mountPanel();
    const number = wrapper.get('input[data-testid="sadm-audit-number"]');
    await number.setValue('202403012');
    await wrapper.get('[data-testid="sadm-audit-who"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('没有学号为 202403012 的学生'));

    await number.setValue('2024030127');
    await wrapper.get('[data-testid="sadm-audit-who"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('张三（2024030127）：共 2 条访问记录'));
    expect(wrapper.text()).toContain('王辅导员（counsellor）');
    expect(wrapper.text()).toContain('查看学生档案');
    // An action this module has no words for is named by the log's label, not by its code.
    expect(wrapper.get('[data-testid="sadm-access-table"]').text()).toContain('查看筛查历史');
    expect(wrapper.text()).not.toContain('screening_history.read');
    expect(asked).toContain('/api/audit/students/s1?page=1&pageSize=20');
  });
});
