import { i18n, type Texts } from '@xinqiao/web-kit';

// The texts of the student page's 学生端账号 card (`collegeStation.studentAccount`): the counsellor's reset of a
// student's password. zh-CN first.

export const studentAccountZh = {
  heading: '学生端账号',
  hint: '学生忘记密码时，可为其重置临时密码；学生下次登录须修改密码。',
  reset: '重置学生端密码',
  confirmTitle: '重置学生端密码',
  confirm: '将为 {name}（{number}）生成新的临时密码：原密码立即失效，已登录的设备会退出。继续吗？',
  confirmButton: '重置',
  cancel: '取消',
  doneTitle: '临时密码',
  doneLead: '{name}（{number}）的临时密码：',
  once: '此密码只显示这一次，关闭后无法再次查看。请当面或通过可靠渠道告知学生。',
  mustChange: '学生下次登录须修改密码。',
  copy: '复制',
  copied: '已复制',
  copyFailed: '无法复制，请手动抄写',
  close: '我已记下，关闭',
  noAccount: '该学生还没有学生端账号。请学校管理员在「学校管理 → 学生账号」中为其班级发放账号。',
} as const;

export const studentAccountEn: Texts<typeof studentAccountZh> = {
  heading: 'Student-side account',
  hint: 'When a student forgets the password, reset it to a temporary one; they must change it at the next sign-in.',
  reset: 'Reset student password',
  confirmTitle: 'Reset student password',
  confirm:
    'A new temporary password will be made for {name} ({number}): the old one stops working at once and signed-in devices are signed out. Continue?',
  confirmButton: 'Reset',
  cancel: 'Cancel',
  doneTitle: 'Temporary password',
  doneLead: 'The temporary password of {name} ({number}):',
  once: 'It is shown this once and cannot be seen again after closing. Tell the student in person or through a trusted channel.',
  mustChange: 'The student must change it at the next sign-in.',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: write it down',
  close: 'I have it, close',
  noAccount:
    'This student has no student-side account yet. A school admin issues their class’s accounts in School administration → Student accounts.',
};

export function installStudentAccountMessages(): void {
  i18n.global.mergeLocaleMessage('zh-CN', { collegeStation: { studentAccount: studentAccountZh } });
  i18n.global.mergeLocaleMessage('en', { collegeStation: { studentAccount: studentAccountEn } });
}
