import { type Random, weightedPicker } from './random.ts';
import type { Gender } from './types.ts';

// Approximate shares (per 10,000 people) of the most common Chinese surnames, after the Ministry of Public Security's
// published rankings; the long tail is cut, which slightly over-weights the top names. Good enough for demo data.
const SURNAME_SHARES =
  '王725 李719 张683 刘538 陈453 杨308 赵229 黄223 周189 吴205 徐168 孙154 胡131 朱128 高108 林102 何114 郭113 马145 ' +
  '罗88 梁85 宋67 郑88 谢73 韩63 唐66 冯62 于47 董51 萧20 程42 曹59 袁49 邓61 许64 傅24 沈36 曾56 彭58 吕39 苏41 卢35 蒋47 ' +
  '蔡46 贾26 丁39 魏40 薛21 叶43 阎12 余45 潘48 杜44 戴15 夏25 钟32 汪29 田53 任37 姜33 范28 方24 石27 姚35 谭31 廖26 邹23 ' +
  '熊23 金27 陆30 郝17 孔14 白23 崔32 康13 毛18 邱22 秦22 江22 史19 顾18 侯20 邵17 孟23 龙20 万16 段20 雷20 钱16 汤13 尹21 ' +
  '黎19 易12 常12 武15 乔11 贺18 赖11 龚17 文12 肖56 闫21 付24 向14 覃15 韦25 欧阳4 上官1 司马1 诸葛1';
const SURNAMES = [...SURNAME_SHARES.matchAll(/(\D+?)(\d+)/g)].map(
  ([, name, share]) => [name!.trim(), Number(share)] as const,
);

// Given-name characters common for people born in the 2000s, by gender, and shared ones that sit well first or second.
const MALE_CHARS = [
  ...'浩宇轩博文杰俊鹏磊强涛明辉晨阳泽昊睿哲凯航鑫瑞志铭豪翔成宏斌健彬毅峰远飞振鸿乐恒晟楷旭彦锐坤',
];
const FEMALE_CHARS = [
  ...'欣怡婷琪雅静梦瑶萱悦琳娜婉露颖洁丽倩雪芳慧敏妍欢月玉璐菲媛薇蕾淑馨彤可蓉雯佩婧舒岚晴甜',
];
const SHARED_FIRST = [...'子一嘉思诗文心雨佳新晓语宁安清若梓书逸'];
const SHARED_SECOND = [...'文心雨佳宁安然清一'];

// Given names typical of the parents' generation (born in the 1960s-1970s).
const OLDER_MALE_NAMES =
  '建国 建华 志强 国庆 卫东 建军 海涛 永刚 文斌 德明 红军 立新 伟 军 勇 斌 刚 波 东升 春生 学文 振华 宏伟 庆丰'.split(
    ' ',
  );
const OLDER_FEMALE_NAMES =
  '秀英 桂兰 丽华 玉梅 淑珍 红霞 丽娟 春梅 海燕 秀芳 美玲 晓红 霞 艳 敏 静 玲 萍 凤英 金凤 素芬 翠兰 雪梅 玉兰'.split(
    ' ',
  );

const pickSurname = weightedPicker(SURNAMES);

/** Draws a surname from the common-surname distribution. */
export function drawSurname(random: Random): string {
  return pickSurname(random);
}

/** Draws a full name (surname + one or two characters) for a student of the given gender. */
export function drawStudentName(random: Random, gender: Gender, surname = drawSurname(random)): string {
  const own = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  // About one student in six born after 2000 has a single-character given name.
  if (random.chance(0.16)) return surname + random.pick(own);
  const first = random.chance(0.7) ? random.pick(own) : random.pick(SHARED_FIRST);
  let second = first;
  while (second === first) second = random.chance(0.85) ? random.pick(own) : random.pick(SHARED_SECOND);
  return surname + first + second;
}

/** Draws a full name typical of a parent or a member of staff born in the 1960s-1970s. */
export function drawOlderName(random: Random, gender: Gender, surname = drawSurname(random)): string {
  return surname + random.pick(gender === 'male' ? OLDER_MALE_NAMES : OLDER_FEMALE_NAMES);
}

/** A mainland mobile number: 1, a carrier digit, then nine digits. */
export function drawMobile(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${random.digits(9)}`;
}
