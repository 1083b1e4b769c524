import { i18n, type Texts } from '@xinqiao/web-kit';

// The texts of the data feeds tab (`schoolAdmin.feeds`): service tokens and file imports. zh-CN first.

export const feedsZh = {
  tab: '数据接入',
  tokens: '接口令牌',
  tokensHint:
    '教务系统、一卡通系统用接口令牌向 /api/integration/feeds/… 推送数据；令牌只显示一次，只保存其摘要，可随时吊销。',
  name: '名称',
  nameHint: '例如：教务系统',
  feeds: '可写入的数据',
  kinds: { grades: '学期成绩', card: '校园卡消费', activity: '校园活动（门禁、图书馆、上网、考勤）' },
  create: '创建令牌',
  createdTitle: '令牌已创建',
  createdHint: '请立即复制保存，关闭后无法再次查看：',
  prefix: '令牌前缀',
  createdAt: '创建时间',
  lastUsed: '最近使用',
  never: '从未',
  revoked: '已吊销',
  revoke: '吊销',
  revokeConfirm: '吊销后该令牌立即失效，确定吗？',
  active: '有效',
  import: '文件导入',
  importHint:
    'CSV 或 XLSX，表头中英文均可；任一行有误则整个文件不导入，并列出行号与列；重复导入同一文件不会重复写入。',
  feed: '数据类型',
  file: '文件',
  upload: '上传并导入',
  uploading: '上传中 {percent}%',
  processing: '正在校验并写入…',
  done: '已导入：共 {total} 行，新写入 {written} 行，已存在 {unchanged} 行。预警将在后台重新计算。',
  rejected: '未导入：',
  row: '第 {row} 行',
  close: '关闭',
} as const;

export const feedsEn: Texts<typeof feedsZh> = {
  tab: 'Data feeds',
  tokens: 'Service tokens',
  tokensHint:
    'The academic-affairs and campus-card systems post to /api/integration/feeds/… with a service token; it is shown once, only its hash is kept, and it can be revoked at any time.',
  name: 'Name',
  nameHint: 'e.g. Academic affairs system',
  feeds: 'May write',
  kinds: {
    grades: 'Term grades',
    card: 'Campus-card spending',
    activity: 'Campus activity (doors, library, Wi-Fi, attendance)',
  },
  create: 'Create token',
  createdTitle: 'Token created',
  createdHint: 'Copy it now: it cannot be shown again after closing.',
  prefix: 'Prefix',
  createdAt: 'Created',
  lastUsed: 'Last used',
  never: 'never',
  revoked: 'Revoked',
  revoke: 'Revoke',
  revokeConfirm: 'The token stops working at once. Revoke it?',
  active: 'Active',
  import: 'File import',
  importHint:
    'CSV or XLSX, Chinese or English headers; any bad row rejects the whole file, naming row and column; importing the same file again writes nothing.',
  feed: 'Feed',
  file: 'File',
  upload: 'Upload and import',
  uploading: 'Uploading {percent}%',
  processing: 'Checking and storing…',
  done: 'Imported: {total} rows, {written} new, {unchanged} already stored. Warnings are re-evaluated in the background.',
  rejected: 'Not imported:',
  row: 'row {row}',
  close: 'Close',
};

export function installFeedMessages(): void {
  i18n.global.mergeLocaleMessage('zh-CN', { schoolAdmin: { feeds: feedsZh } });
  i18n.global.mergeLocaleMessage('en', { schoolAdmin: { feeds: feedsEn } });
}
