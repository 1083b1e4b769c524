import type { CataloguePart } from '../catalogue.ts';

/** The texts of the tree hole (情绪树洞), in simplified Chinese. */
export const treeHole = {
  problems: {
    'tree-hole.no-rules': {
      title: '树洞尚未开放',
      detail: ({ school }) => `${school} 的插件还没有树洞规则，请联系心理中心。`,
    },
    'tree-hole.not-found': { title: '未找到树洞留言', detail: '该留言不存在，或你无权查看。' },
    'tree-hole.key-refused': { title: '查看码无法打开留言', detail: '请查看具体原因。' },
    'tree-hole.closed': {
      title: '对话已结束',
      detail: '中心已结束这段对话：仍可查看，不能再写。可以写一封新的留言。',
    },
    'tree-hole.awaiting-reply': { title: '留言还在等待回复', detail: '请先回复：只有回复过的对话才能结束。' },
    'tree-hole.writer-not-revealed': {
      title: '留言人不可查看',
      detail: '只有插件因安全信号升级处理的留言，才会向中心主任显示留言人。',
    },
  },
  messages: {
    'tree-hole.key-unknown': '查看码不正确，或不是发给你的',
    'tree-hole.key-used': '该查看码已使用，请用最新收到的查看码',
    'tree-hole.notice-changed': ({ version }) => `告知内容已更新为第 ${version} 版，请重新阅读`,
  },
} satisfies CataloguePart;
