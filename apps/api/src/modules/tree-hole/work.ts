import { toChinaDate } from '@xinqiao/calendar';
import { can } from '../../auth/caller.ts';
import type { WorkProvider } from '../work/types.ts';
import { awaitingMessages } from './queries.ts';
import { TREE_HOLE_LINK } from './service.ts';

const NEW_FOR_MS = 3 * 86_400_000;

/**
 * Tree-hole messages awaiting the center's reply (treehole.reply): every member of the center sees them, anonymous
 * (no student); an escalated one (a safety signal, per the plugin) is urgent — listed first, as a self-harm finding.
 */
export const treeHoleItems: WorkProvider = {
  kind: 'tree_hole',
  async items(caller, clock) {
    if (!can(caller, 'treehole.reply')) return [];
    const rows = await awaitingMessages(caller.tx);
    return rows.map((row) => ({
      kind: 'tree_hole' as const,
      id: row.id,
      title: row.escalated
        ? {
            zh: `树洞留言含安全信号，请立即处理：${row.signals.map((s) => s.zh).join('、')}`,
            en: `Tree-hole message with a safety signal, act now: ${row.signals.map((s) => s.en).join(', ')}`,
          }
        : { zh: '树洞留言待回复', en: 'Tree-hole message to answer' },
      student: null,
      dueAt: row.replyDueAt,
      dueOn: toChinaDate(row.replyDueAt),
      overdue: row.replyDueAt.getTime() < clock.now.getTime(),
      selfHarm: row.escalated,
      isNew: clock.now.getTime() - row.lastWriterPostAt.getTime() < NEW_FOR_MS,
      reasons: [],
      decision: { pluginId: row.pluginId, pluginVersion: row.pluginVersion },
      link: `${TREE_HOLE_LINK}&message=${row.id}`,
    }));
  },
};
