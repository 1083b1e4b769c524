import type { SchoolProfile } from './profile.ts';

export const hrbmu: SchoolProfile = {
  code: 'hrbmu',
  name: '哈尔滨医科大学',
  nameEn: 'Harbin Medical University',
  colleges: [
    { name: '第一临床医学院', majors: ['临床医学', '麻醉学'], femaleShare: 0.55, weight: 1.6 },
    { name: '第二临床医学院', majors: ['临床医学', '医学影像学', '儿科学'], femaleShare: 0.56, weight: 1.5 },
    { name: '基础医学院', majors: ['基础医学', '法医学'], femaleShare: 0.58, weight: 0.8 },
    {
      name: '公共卫生学院',
      majors: ['预防医学', '卫生检验与检疫', '食品卫生与营养学'],
      femaleShare: 0.65,
      weight: 1,
    },
    { name: '药学院', majors: ['药学', '临床药学', '药物制剂'], femaleShare: 0.68, weight: 1 },
    { name: '护理学院', majors: ['护理学', '助产学'], femaleShare: 0.86, weight: 1.1 },
    { name: '口腔医学院', majors: ['口腔医学'], femaleShare: 0.6, weight: 0.6 },
    {
      name: '生物信息科学与技术学院',
      majors: ['生物信息学', '生物医学工程'],
      femaleShare: 0.45,
      weight: 0.6,
    },
    { name: '卫生管理学院', majors: ['公共事业管理', '健康服务与管理'], femaleShare: 0.7, weight: 0.7 },
    { name: '医学检验学院', majors: ['医学检验技术', '医学实验技术'], femaleShare: 0.66, weight: 0.7 },
    { name: '第三临床医学院', majors: ['临床医学', '精神医学'], femaleShare: 0.55, weight: 1 },
  ],
  bedsPerRoom: 4,
  enrolledStudents: 20_000,
  centerStaff: { fullTime: 5, partTime: 12 },
};
