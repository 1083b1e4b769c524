import type { CataloguePart } from '../catalogue.ts';

/** The texts of notifications and their channels, in simplified Chinese. */
export const notifications = {
  problems: {
    'notifications.not-found': { title: '未找到通知', detail: '没有这条通知，或它不是发给你的。' },
    'notifications.channel-not-set-up': {
      title: '通知渠道尚未设置',
      detail: ({ channel }) => `${channel === 'email' ? '邮件' : '群机器人'}渠道尚未设置，请先保存设置。`,
    },
    'notifications.test-failed': {
      title: '测试消息未送达',
      detail: ({ channel, reason }) =>
        `${channel === 'email' ? '邮件服务器' : '群机器人'}没有接收测试消息：${reason}`,
    },
  },
  messages: {
    'notifications.no-address': '你的账号没有邮箱地址，请填写测试邮件的收件地址',
  },
} as const satisfies CataloguePart;
