import { i18n } from '@xinqiao/web-kit';

/** The tree hole's texts (情绪树洞), zh-CN first; merged into the shell's i18n under `treeHole`. */
export const treeHoleMessages = {
  'zh-CN': {
    treeHole: {
      title: '情绪树洞',
      lead: '有烦恼可以匿名写给心理健康教育中心的老师，老师会认真回复你。',
      home: '匿名倾诉，老师会回复你',
      write: '写信',
      read: '看回复',
      noticeTitle: '写之前请先读一读',
      understood: '我已阅读并了解',
      placeholder: '想说什么都可以写在这里……',
      send: '匿名发送',
      replyWithin: '老师回复时间：{when}',
      sent: '已发送',
      keyTitle: '你的查看码（只显示这一次）',
      keyHint:
        '请复制或抄下来。在“看回复”中输入它就能看到老师的回复。每个查看码只能用一次，用后会给你新的查看码。',
      copy: '复制查看码',
      copied: '已复制',
      copyFailed: '无法自动复制，请手动抄下查看码',
      safetyTitle: '我们很担心你',
      safetyLead:
        '你写到的内容让我们很担心你的安全。中心老师会尽快处理你的留言；正如写信前的告知所说，中心主任可能会联系你。如果你现在就有危险，请立刻拨打下面的电话。',
      writeAnother: '再写一封',
      keyLabel: '查看码',
      keyPlaceholder: '例如 ABCD-EFGH-JKMN-PQRS',
      open: '查看',
      me: '我',
      center: '中心老师',
      noReply: '老师还没有回复，请稍后再用新的查看码查看。',
      nextKeyTitle: '新的查看码（下次查看用，只显示这一次）',
      writeMore: '继续写给老师',
      sendMore: '发送',
      sentMore: '已发送。请保存下面新的查看码。',
      closed: '中心老师已结束这段对话。你仍然可以查看；如果还有想说的，可以再写一封新的留言。',
    },
  },
  en: {
    treeHole: {
      title: 'Tree hole',
      lead: 'Write anonymously to the mental-health center’s staff about what troubles you; they will reply.',
      home: 'Write anonymously, the center replies',
      write: 'Write',
      read: 'Read replies',
      noticeTitle: 'Please read this first',
      understood: 'I have read and understood this',
      placeholder: 'Write whatever you want to say…',
      send: 'Send anonymously',
      replyWithin: 'When the center replies: {when}',
      sent: 'Sent',
      keyTitle: 'Your key (shown only this once)',
      keyHint:
        'Copy or write it down. Enter it under “Read replies” to see the reply. Each key works once; using it gives you a new key.',
      copy: 'Copy the key',
      copied: 'Copied',
      copyFailed: 'Could not copy: please write the key down',
      safetyTitle: 'We are worried about you',
      safetyLead:
        'What you wrote makes us worry about your safety. The center will handle your message soon and, as the notice you read says, the center’s director may contact you. If you are in danger now, call the number below at once.',
      writeAnother: 'Write another',
      keyLabel: 'Key',
      keyPlaceholder: 'e.g. ABCD-EFGH-JKMN-PQRS',
      open: 'Open',
      me: 'Me',
      center: 'The center',
      noReply: 'No reply yet: check again later with your new key.',
      nextKeyTitle: 'Your new key (for next time, shown only this once)',
      writeMore: 'Write again to the center',
      sendMore: 'Send',
      sentMore: 'Sent. Keep the new key below.',
      closed: 'The center closed this conversation. You can still read it; to say more, write a new message.',
    },
  },
};

/** Merges the texts into the shell's one i18n instance (idempotent). */
export function installTreeHoleMessages(): void {
  for (const [locale, texts] of Object.entries(treeHoleMessages)) {
    (i18n.global.mergeLocaleMessage as (locale: string, message: unknown) => void)(locale, texts);
  }
}
