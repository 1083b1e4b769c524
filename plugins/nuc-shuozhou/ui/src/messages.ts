/**
 * The screen's own texts, zh-CN first. They are local to the screen (useI18n's local scope) and follow the locale
 * of the shell's one i18n instance, so the shared language switch changes them too.
 */
const zhCN = {
  title: '帮扶对象认定',
  subtitle: '依据《中北大学朔州校区本科学生帮扶教育实施指导意见》（2018 修订），由本校政策插件在浏览器中判定',
  loading: '正在加载本校政策插件…',
  loadFailed: '无法加载本校政策插件',
  formLabel: '学生情况',
  groups: {
    academic: '学业',
    disciplinary: '纪律',
    psychological: '心理',
    economic: '经济',
    behavioural: '思想与行为',
  },
  facts: {
    failedCourseCount: '不及格课程门次',
    failedCourseHint: '含补考、重修未通过的门次',
    disciplinarySanction: '违反校规校纪受到行政处分',
    requestedPsychologicalHelp: '主动提出心理帮扶需求',
    identifiedByCrisisPrevention: '心理危机预防体系认定需进一步帮扶',
    economicHardshipCertified: '经学校认定的家庭经济特殊困难（单亲及父母双亡等）',
    extremeThinkingOrAbnormalBehaviour: '思想偏激、行为表现异常',
  },
  invalidCount: '不及格课程门次须为 0 至 200 的整数',
  results: '帮扶类别',
  summarySupported: '该生属于帮扶对象：五类中适用 {count} 类',
  summaryNone: '该生不属于五类帮扶对象',
  applies: '适用',
  notApplies: '不适用',
  categories: {
    academic: '学业困难',
    disciplinary: '违纪处分',
    psychological: '心理帮扶',
    economic: '家庭经济困难',
    behavioural: '思想行为异常',
  },
  rule: '规则',
  source: '依据',
  followUp: '随后要做的工作',
  steps: {
    responsiblePerson: '确立帮扶责任人',
    supportPlan: '制定帮扶方案',
    recordCard: '建立个人帮扶教育档案（附件3 学生帮扶教育记录卡）',
    parentContact: '与家长沟通',
  },
  invite: '必要时邀请家长到校区面谈',
  pluginVersion: '插件 {id} 版本 {version}',
};

type Messages = typeof zhCN;

const en: Messages = {
  title: 'Support target check',
  subtitle:
    "Under the Shuozhou campus's support-education rules (2018 revision), decided in the browser by the school's policy plugin",
  loading: "Loading the school's policy plugin…",
  loadFailed: "The school's policy plugin could not be loaded",
  formLabel: "The student's situation",
  groups: {
    academic: 'Academic',
    disciplinary: 'Discipline',
    psychological: 'Psychological',
    economic: 'Economic',
    behavioural: 'Thinking and behaviour',
  },
  facts: {
    failedCourseCount: 'Failed course attempts',
    failedCourseHint: 'Counting failed resits and retakes',
    disciplinarySanction: 'Received a disciplinary sanction',
    requestedPsychologicalHelp: 'Asked for psychological help',
    identifiedByCrisisPrevention: 'Identified by the crisis-prevention system',
    economicHardshipCertified: 'Family in special economic hardship, certified by the school',
    extremeThinkingOrAbnormalBehaviour: 'Extreme thinking or abnormal behaviour',
  },
  invalidCount: 'Failed course attempts must be a whole number from 0 to 200',
  results: 'Support categories',
  summarySupported: 'The student is a support target: {count} of the 5 categories apply',
  summaryNone: 'The student is in none of the five support categories',
  applies: 'Applies',
  notApplies: 'Does not apply',
  categories: {
    academic: 'Academic difficulty',
    disciplinary: 'Disciplinary sanction',
    psychological: 'Psychological support',
    economic: 'Economic hardship',
    behavioural: 'Abnormal thinking or behaviour',
  },
  rule: 'Rule',
  source: 'Source',
  followUp: 'What follows',
  steps: {
    responsiblePerson: 'Name a person responsible for the support',
    supportPlan: 'Draw up a support plan',
    recordCard: 'Open a personal support file (form 3: support record card)',
    parentContact: 'Contact the parents',
  },
  invite: 'Invite the parents to campus when needed',
  pluginVersion: 'Plugin {id} version {version}',
};

/** The screen's messages per locale, keyed as web-kit's locales are. */
export const SCREEN_MESSAGES = { 'zh-CN': zhCN, en } as const;
