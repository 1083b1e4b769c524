import type { SchoolProfile } from './profile.ts';

export const hut: SchoolProfile = {
  code: 'hut',
  name: '湖南工业大学',
  nameEn: 'Hunan University of Technology',
  colleges: [
    {
      name: '包装与材料工程学院',
      majors: ['包装工程', '印刷工程', '高分子材料与工程'],
      femaleShare: 0.38,
      weight: 1.1,
    },
    {
      name: '机械工程学院',
      majors: ['机械设计制造及其自动化', '机械电子工程', '车辆工程'],
      femaleShare: 0.12,
      weight: 1.3,
    },
    {
      name: '电气与信息工程学院',
      majors: ['电气工程及其自动化', '自动化', '通信工程'],
      femaleShare: 0.2,
      weight: 1.3,
    },
    {
      name: '计算机学院',
      majors: ['计算机科学与技术', '软件工程', '数据科学与大数据技术'],
      femaleShare: 0.27,
      weight: 1.2,
    },
    {
      name: '包装设计艺术学院',
      majors: ['视觉传达设计', '产品设计', '环境设计'],
      femaleShare: 0.66,
      weight: 1,
    },
    { name: '土木工程学院', majors: ['土木工程', '工程管理'], femaleShare: 0.25, weight: 0.9 },
    { name: '商学院', majors: ['工商管理', '会计学', '市场营销'], femaleShare: 0.7, weight: 1.1 },
    { name: '经济与贸易学院', majors: ['国际经济与贸易', '经济学'], femaleShare: 0.65, weight: 0.8 },
    { name: '外国语学院', majors: ['英语', '日语'], femaleShare: 0.84, weight: 0.6 },
    { name: '文学与新闻传播学院', majors: ['汉语言文学', '新闻学'], femaleShare: 0.78, weight: 0.7 },
    { name: '法学院', majors: ['法学'], femaleShare: 0.62, weight: 0.5 },
    { name: '理学院', majors: ['数学与应用数学', '应用物理学'], femaleShare: 0.42, weight: 0.6 },
  ],
  bedsPerRoom: 4,
  enrolledStudents: 32_000,
  centerStaff: { fullTime: 8, partTime: 16 },
};
