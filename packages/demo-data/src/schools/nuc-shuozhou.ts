import type { SchoolProfile } from './profile.ts';

// The Shuozhou campus organises its students in 系 (departments) rather than 学院; they sit at the network's college level.
export const nucShuozhou: SchoolProfile = {
  code: 'nuc-shuozhou',
  name: '中北大学朔州校区',
  nameEn: 'North University of China, Shuozhou campus',
  colleges: [
    { name: '机械工程系', majors: ['机械设计制造及其自动化', '车辆工程'], femaleShare: 0.1, weight: 1.3 },
    { name: '电气与控制工程系', majors: ['电气工程及其自动化', '自动化'], femaleShare: 0.18, weight: 1.2 },
    { name: '计算机科学与技术系', majors: ['计算机科学与技术', '物联网工程'], femaleShare: 0.3, weight: 1.2 },
    { name: '信息与通信工程系', majors: ['电子信息工程', '通信工程'], femaleShare: 0.27, weight: 1 },
    {
      name: '材料与化学工程系',
      majors: ['材料成型及控制工程', '化学工程与工艺'],
      femaleShare: 0.33,
      weight: 0.9,
    },
    { name: '土木工程系', majors: ['土木工程', '工程造价'], femaleShare: 0.28, weight: 0.9 },
    { name: '经济与管理系', majors: ['会计学', '工商管理'], femaleShare: 0.66, weight: 1 },
    { name: '人文社会科学系', majors: ['英语', '法学'], femaleShare: 0.75, weight: 0.6 },
  ],
  bedsPerRoom: 6,
  enrolledStudents: 8_000,
  centerStaff: { fullTime: 2, partTime: 6 },
};
