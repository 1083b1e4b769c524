// The text of the notification centre (the bell in the shell's header), in both languages with the same keys (the
// messages test checks them through zh-CN.ts and en.ts). A kind's key is its API name with dots and dashes as
// underscores: `case.assigned` → `kinds.case_assigned`.

export const notificationsZh = {
  notifications: {
    bell: '通知',
    bellWithCount: '通知（{n} 条未读）',
    title: '通知',
    empty: '暂无通知',
    markAllRead: '全部标为已读',
    loadFailed: '无法读取通知',
    unread: '未读',
    more: '加载更多',
    close: '关闭',
    due: '期限 {due}',
    kinds: {
      case_assigned: '{caseKind}已分派给您',
      cases_unassigned: '{count} 个个案等待分派',
      concern_reported: '收到一条关注报告，请分诊',
      concern_reported_urgent: '收到一条紧急关注报告，请立即处理',
      concern_reported_self_harm: '收到一条涉及自伤风险的关注报告，请立即处理',
      concern_status: '您提交的关注报告：{status}',
      concern_urgent: '{count} 条紧急关注报告，请立即处理',
      follow_ups_due: '{count} 条新的{tier}关注随访待处理',
      key_students_talks_due: '{count} 名重点关注学生的谈话到期',
      support_list_confirmed: '班级帮扶名单已确认：{count} 名学生需制定帮扶方案',
      support_helper_named: '您被指定为学生帮扶责任人，请制定帮扶方案',
      notifications_test: '测试消息：通知渠道已接通',
      unknown: '新通知',
    },
    caseKinds: { follow_up: '筛查随访', crisis: '危机个案', support: '支持个案', other: '个案' },
    concernStatuses: { received: '已收到', handling: '处理中', closed: '已关闭' },
    tiers: { 1: '一级', 2: '二级', 3: '三级', 4: '四级', 5: '五级' },
  },
};

export const notificationsEn: typeof notificationsZh = {
  notifications: {
    bell: 'Notifications',
    bellWithCount: 'Notifications ({n} unread)',
    title: 'Notifications',
    empty: 'No notifications',
    markAllRead: 'Mark all read',
    loadFailed: 'Could not read the notifications',
    unread: 'Unread',
    more: 'Load more',
    close: 'Close',
    due: 'Due {due}',
    kinds: {
      case_assigned: 'A {caseKind} was assigned to you',
      cases_unassigned: '{count} case(s) wait to be assigned',
      concern_reported: 'A concern report came in: please triage it',
      concern_reported_urgent: 'An urgent concern report came in: please act now',
      concern_reported_self_harm: 'A concern report mentions self-harm: please act now',
      concern_status: 'Your concern report: {status}',
      concern_urgent: '{count} urgent concern report(s): please act now',
      follow_ups_due: '{count} new {tier} follow-up(s) to handle',
      key_students_talks_due: 'Talks with {count} key student(s) are due',
      support_list_confirmed: 'A class support list was confirmed: {count} student(s) need a support plan',
      support_helper_named: 'You were named responsible for supporting a student: please write the plan',
      notifications_test: 'Test message: the channel works',
      unknown: 'New notification',
    },
    caseKinds: {
      follow_up: 'screening follow-up',
      crisis: 'crisis case',
      support: 'support case',
      other: 'case',
    },
    concernStatuses: { received: 'received', handling: 'being handled', closed: 'closed' },
    tiers: { 1: 'tier-1', 2: 'tier-2', 3: 'tier-3', 4: 'tier-4', 5: 'tier-5' },
  },
};
