/**
 * What seed 004 (中北大学朔州校区本科学生帮扶教育实施指导意见, 5 帮扶教育的主要措施) says follows for every student who
 * is a support target. These are duties of people, not decisions, so they are not rules: the screen shows them with
 * the seed's own sentence. Parent contact for 3+ failed courses is a rule (contact-parents-three-failed-courses).
 */
export const SEED_004 = '004_c0138a6c091aad53.txt';

/** One step that follows, with the seed sentence it comes from. */
export interface FollowUpStep {
  key: 'responsiblePerson' | 'supportPlan' | 'recordCard';
  quote: string;
}

/** The steps the seed lists for every support target, in its order (5.2 and 5.3, form 附件3). */
export const FOLLOW_UP_STEPS: readonly FollowUpStep[] = [
  { key: 'responsiblePerson', quote: '根据学生的基本情况和个体需求，确立帮扶责任人' },
  { key: 'supportPlan', quote: '有针对性制定帮扶办法，开展帮扶工作' },
  {
    key: 'recordCard',
    quote: '为帮扶教育对象建立“个人帮扶教育档案”，对学生个人信息、帮扶过程、效果记录要求准确具体、详细',
  },
];
