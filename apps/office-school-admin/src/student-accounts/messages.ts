import { i18n, type Texts } from '@xinqiao/web-kit';

// The texts of the student accounts tab (`schoolAdmin.studentAccounts`): a class's students, their accounts and the
// bulk issue of initial passwords. zh-CN first.

export const studentAccountsZh = {
  tab: '学生账号',
  heading: '学生端账号',
  hint: '按班级为学生发放学生端账号：学号登录，初始密码随机生成，首次登录须修改。忘记密码由辅导员在学生页面重置。',
  class: '班级',
  classHint: '输入班级名称查找',
  pickClass: '请先选择一个班级。',
  loading: '正在读取…',
  summary: '共 {total} 人：未开通 {none} 人，待首次改密 {pending} 人，已启用 {active} 人',
  summaryDisabled: '，已停用 {disabled} 人',
  empty: '该班级还没有学生',
  number: '学号',
  name: '姓名',
  state: '账号状态',
  issuedAt: '发放/重置时间',
  lastSignIn: '最近登录',
  unknown: '—',
  states: {
    none: '未开通',
    must_change_password: '待首次改密',
    active: '已启用',
    disabled: '已停用',
  },
  format: '初始密码的形式',
  formats: {
    pdf: '打印切条（PDF）',
    xlsx: '表格（XLSX）',
  },
  formatHint:
    'PDF：A4 纸每页 10 条，一人一条，打印后沿虚线剪开发给学生；XLSX：学号、姓名、初始密码的表格，便于导出分发。初始密码只在这一份文件中出现一次，发放前请选好形式；之后如需新密码，请辅导员逐人重置。',
  issue: '发放账号（{count} 人）',
  nothingToIssue: '本班学生都已有账号',
  confirmTitle: '发放学生账号',
  confirm:
    '将为 {className} 的 {count} 名未开通的学生发放账号，并下载{format}。初始密码只显示这一次，请妥善保管文件。继续吗？',
  confirmPdf: '打印版 PDF',
  confirmXlsx: 'XLSX 表格',
  confirmButton: '发放并下载',
  cancel: '取消',
  issuing: '正在发放账号并生成文件…',
  issued: '已发放，文件已下载：{file}',
} as const;

export const studentAccountsEn: Texts<typeof studentAccountsZh> = {
  tab: 'Student accounts',
  heading: 'Student-side accounts',
  hint: 'Issue student-side accounts per class: students sign in with their student number and a random initial password, which they must change at the first sign-in. A counsellor resets a forgotten password on the student page.',
  class: 'Class',
  classHint: 'Type a class name',
  pickClass: 'Pick a class first.',
  loading: 'Loading…',
  summary:
    '{total} students: {none} without an account, {pending} yet to change the password, {active} active',
  summaryDisabled: ', {disabled} disabled',
  empty: 'The class has no students yet',
  number: 'Student number',
  name: 'Name',
  state: 'Account',
  issuedAt: 'Issued / reset',
  lastSignIn: 'Last sign-in',
  unknown: '—',
  states: {
    none: 'No account',
    must_change_password: 'Must change password',
    active: 'Active',
    disabled: 'Disabled',
  },
  format: 'Initial passwords as',
  formats: {
    pdf: 'Printed slips (PDF)',
    xlsx: 'Sheet (XLSX)',
  },
  formatHint:
    'PDF: ten slips per A4 page, one per student, to print and cut along the dashed lines; XLSX: a sheet of student numbers, names and initial passwords to send out. The initial passwords appear once, in this one file: choose the format before issuing. Later a counsellor resets a password student by student.',
  issue: 'Issue accounts ({count})',
  nothingToIssue: 'Every student of the class has an account',
  confirmTitle: 'Issue student accounts',
  confirm:
    'Accounts will be issued to the {count} students of {className} without one, and the {format} downloaded. The initial passwords are shown this once: keep the file safe. Continue?',
  confirmPdf: 'printable PDF',
  confirmXlsx: 'XLSX sheet',
  confirmButton: 'Issue and download',
  cancel: 'Cancel',
  issuing: 'Issuing the accounts and making the file…',
  issued: 'Issued; the file is downloaded: {file}',
};

export function installStudentAccountMessages(): void {
  i18n.global.mergeLocaleMessage('zh-CN', { schoolAdmin: { studentAccounts: studentAccountsZh } });
  i18n.global.mergeLocaleMessage('en', { schoolAdmin: { studentAccounts: studentAccountsEn } });
}
