import type { Permission } from '../../../auth/permissions.ts';

// Written as a variable first: a permission without its refusal fails to compile, while a refusal of a permission
// that is gone (or not yet committed by the session adding it) does not.
const texts = {
  'students.read': '你的角色不能查看学生。',
  'students.write': '你的角色不能新增或修改学生。',
  'students.import': '你的角色不能导入学生名单。',
  'cases.read': '你的角色不能查看个案。',
  'cases.write': '你的角色不能办理个案。',
  'cases.assign': '只有学院心理辅导站站长和心理健康教育中心可以分派个案。',
  'concerns.report': '你的角色不能报告关注。',
  'concerns.triage': '你的角色不能处理关注报告。',
  'key-students.manage': '你的角色不能管理重点关注学生。',
  'key-students.approve': '只有学院心理辅导站站长和心理健康教育中心可以批准移出重点关注学生。',
  'crises.read': '您的角色无权查看心理危机。',
  'crises.run': '您的角色无权处置心理危机。',
  'crises.waive': '只有心理健康教育中心主任可以豁免危机处置步骤。',
  'crises.review': '只有心理健康教育中心可以记录危机复盘。',
  'hospitals.manage': '只有学校管理员和心理健康教育中心可以维护合作医院名单。',
  'case-work.kpis': '你的角色不能查看个案工作指标。',
  'screening.counts': '你的角色不能查看心理筛查。',
  'screening.read': '你的角色不能查看心理筛查结果。',
  'screening.answers': '你的角色不能查看筛查作答和分数。',
  'screening.manage': '只有心理健康教育中心可以办理心理筛查。',
  'screening.import': '只有心理健康教育中心可以导入筛查结果。',
  'calendar.read': '你的角色不能查看工作日历。',
  'calendar.edit': '只有心理健康教育中心可以调整工作日历。',
  'student-affairs.read': '你的角色不能查看学生处的数据。',
  'student-affairs.edit': '你的角色不能修改学生处的数据。',
  'alliance.read': '朋辈互助联盟的积分不对你的角色开放。',
  'alliance.manage': '你的角色不能修改朋辈互助联盟。',
  'alliance.score': '你的角色不能为朋辈互助联盟计分。',
  'alliance.score-any-term': '你不是本学期可以计分的联盟干部。',
  'network.manage': '你的角色不能维护工作网络。',
  'network.rename-own-unit': '这个单位不在你管理的范围内。',
  'people.manage': '你的角色不能管理账号。',
  'audit.read': '你的角色不能查看审计记录。',
  'audit.verify': '你的角色不能核验审计记录。',
  'notifications.manage': '只有学校管理员可以设置通知渠道。',
  'student.self': '只有学生本人可以使用学生端。',
  'counselling.manage': '只有心理健康教育中心可以发布咨询时段和记录咨询。',
  'counselling.ratings': '你的角色不能查看咨询满意度。',
};

/** Why a permission is refused, in simplified Chinese: the detail of `auth.permission-denied`. */
export const refusals: Readonly<Record<Permission, string>> = texts;
