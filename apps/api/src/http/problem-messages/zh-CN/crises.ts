import type { CataloguePart } from '../catalogue.ts';

/** 心理危机干预的文字（简体中文）。 */
export const crises = {
  problems: {
    'crises.not-found': {
      title: '未找到危机事件',
      detail: '危机事件不存在，或您无权查看。',
    },
    'crises.no-protocol': {
      title: '没有危机干预流程',
      detail: ({ school }) =>
        `学校 ${school} 的策略插件没有危机干预流程（crisis-protocol），暂不能登记危机事件。`,
    },
    'crises.closed': {
      title: '危机事件已结案',
      detail: '该危机事件已结案；如需修改，请填写理由重新开启。',
    },
    'crises.not-closed': {
      title: '危机事件尚未结案',
      detail: '该危机事件仍在处置中。',
    },
    'crises.step-not-found': {
      title: '没有该步骤',
      detail: ({ step }) => `该危机事件的处置流程中没有步骤“${step}”。`,
    },
    'crises.step-finished': {
      title: '步骤已完成',
      detail: ({ step }) => `步骤“${step}”已完成或已豁免。`,
    },
    'crises.not-named': {
      title: '不是您负责的步骤',
      detail: ({ step }) => `学校的危机干预流程没有指定您完成步骤“${step}”。`,
    },
    'crises.referral-not-found': {
      title: '未找到转介记录',
      detail: '该危机事件没有这条转介记录。',
    },
    'crises.no-review-due': {
      title: '没有待召开的复盘会',
      detail: '该危机事件没有待记录的复盘会。',
    },
    'crises.hospital-not-found': {
      title: '未找到合作医院',
      detail: '学校的合作医院名单中没有该医院。',
    },
    'crises.hospital-in-use': {
      title: '合作医院已被使用',
      detail: '已有转介记录指向该医院，不能从名单中删除。',
    },
  },
  messages: {
    'crises.unknown-level': ({ level }) => `学校的危机干预流程中没有等级“${level}”`,
    'crises.one-source': '请在 studentId、concernReportId、caseId、screeningResultId 中只填写一项',
    'crises.source-not-found': '记录不存在，或您无权完整查看',
    'crises.source-not-self-harm': '该筛查结果没有自伤相关发现',
    'crises.step-open': ({ step }) => `必做步骤“${step}”尚未完成或豁免`,
    'crises.return-assessment-missing': '该转介尚未填写返校评估',
    'crises.before-opening': '早于危机事件登记的时间',
    'crises.in-future': '不能晚于当前时间',
    'crises.hospital-not-listed': '该医院不在学校的合作医院名单中',
    'crises.record-missing': ({ record }) =>
      `完成该步骤前需先登记${record === 'family-contact' ? '家校沟通' : record === 'referral' ? '转介' : '受影响人员'}记录`,
    'crises.guardian-not-found': '该学生没有这一位监护人',
    'crises.contact-required': '请选择学生的监护人，或填写联系人姓名与关系',
    'crises.affected-is-the-student': '当事学生本人不列为受影响人员',
    'crises.already-affected': '该学生已在名单中',
    'crises.held-before-closing': '复盘会不能早于结案日期',
    'crises.agreement-order': '协议结束日期早于开始日期',
  },
} satisfies CataloguePart;
