import type { SchoolProfile } from './profile.ts';

export const wuhanPolytechnic: SchoolProfile = {
  code: 'wuhan-polytechnic',
  name: '武汉职业技术学院',
  nameEn: 'Wuhan Polytechnic',
  colleges: [
    {
      name: '机械工程学院',
      majors: ['机械设计与制造', '数控技术', '工业机器人技术'],
      femaleShare: 0.1,
      weight: 1.2,
    },
    {
      name: '电子信息工程学院',
      majors: ['电子信息工程技术', '物联网应用技术'],
      femaleShare: 0.22,
      weight: 1.1,
    },
    {
      name: '计算机技术与软件工程学院',
      majors: ['软件技术', '计算机网络技术', '大数据技术'],
      femaleShare: 0.28,
      weight: 1.3,
    },
    { name: '商学院', majors: ['大数据与会计', '电子商务', '市场营销'], femaleShare: 0.68, weight: 1.2 },
    {
      name: '旅游与航空服务学院',
      majors: ['旅游管理', '空中乘务', '酒店管理与数字化运营'],
      femaleShare: 0.72,
      weight: 0.9,
    },
    { name: '艺术设计学院', majors: ['环境艺术设计', '视觉传达设计'], femaleShare: 0.6, weight: 0.8 },
    { name: '外语学院', majors: ['商务英语', '应用日语'], femaleShare: 0.8, weight: 0.6 },
    { name: '生物工程学院', majors: ['药品生物技术', '食品检验检测技术'], femaleShare: 0.55, weight: 0.8 },
    { name: '土木工程学院', majors: ['建筑工程技术', '工程造价'], femaleShare: 0.3, weight: 0.9 },
    {
      name: '汽车工程学院',
      majors: ['新能源汽车技术', '汽车检测与维修技术'],
      femaleShare: 0.08,
      weight: 0.8,
    },
  ],
  bedsPerRoom: 6,
  enrolledStudents: 18_000,
  // One short of 1 per 4,000 students, so the staffing chart shows a gap.
  centerStaff: { fullTime: 4, partTime: 10 },
};
