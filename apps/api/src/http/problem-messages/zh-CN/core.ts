import type { Permission } from '../../../auth/permissions.ts';
import type { CataloguePart } from '../catalogue.ts';
import { refusals } from './permissions.ts';

const constraintNote = (constraint: string | undefined) => (constraint ? `（约束 ${constraint}）` : '');

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
  file: '文件',
};

const unitOf: Record<string, string> = { string: ' 个字符', array: ' 项', set: ' 项', file: ' 字节' };

const formatNames: Record<string, string> = {
  email: '电子邮件地址',
  url: '网址',
  uuid: 'UUID',
  datetime: '日期时间（ISO 8601）',
  date: '日期（YYYY-MM-DD）',
  time: '时间',
};

/** The texts of the HTTP layer, sessions, the database's refusals and schema checks, in simplified Chinese. */
export const core = {
  problems: {
    'validation.invalid-field': {
      title: '提交的内容有误',
      detail: ({ fields }) => `请检查：${fields.join('、')}`,
    },
    'http.bad-request': { title: '请求有误', detail: '服务器无法理解这个请求。' },
    'http.not-found': { title: '未找到', detail: '没有找到请求的内容。' },
    'http.no-route': { title: '没有这个接口', detail: ({ method, path }) => `没有接口 ${method} ${path}。` },
    'http.method-not-allowed': { title: '不支持的请求方法', detail: '这个地址不接受此请求方法。' },
    'http.payload-too-large': {
      title: '请求内容过大',
      detail: ({ maxMiB }) =>
        maxMiB === undefined ? '请求内容超过上限。' : `请求内容超过 ${maxMiB} MiB 的上限。`,
    },
    'http.unsupported-media-type': { title: '不支持的内容类型', detail: '请求内容的类型不受支持。' },
    'http.headers-too-large': {
      title: '请求头过大',
      detail: ({ maxKiB }) => `请求头合计超过 ${maxKiB} KiB 的上限，请清除本站的 Cookie 后重试。`,
    },
    'http.request-timeout': { title: '请求超时', detail: '请求未在规定时间内发送完毕，请重试。' },
    'http.csrf-token': {
      title: '请求未通过安全校验',
      detail: '缺少或错误的安全令牌（x-csrf-token），请刷新页面后重试。',
    },
    'http.cross-site': {
      title: '不接受来自其他网站的请求',
      detail: ({ origin }) => (origin ? `不接受来自 ${origin} 的请求。` : '跨站请求已被拒绝。'),
    },
    'server.internal': { title: '服务器出错', detail: '服务器未能完成这个请求，错误已记录。' },
    'server.busy': {
      title: '服务器繁忙',
      detail: ({ retryAfterSeconds }) => `等待数据库的请求过多，请 ${retryAfterSeconds} 秒后重试。`,
    },

    'auth.sign-in-required': { title: '请先登录', detail: '这个操作需要先登录。' },
    'auth.session-expired': { title: '登录已过期', detail: '登录已过期，请重新登录。' },
    'auth.account-disabled': { title: '账号已停用', detail: '这个账号已停用，请联系学校管理员。' },
    'auth.wrong-credentials': { title: '登录失败', detail: '学校、用户名或密码不正确。' },
    'auth.too-many-attempts': { title: '尝试次数过多', detail: '登录失败次数过多，请稍后再试。' },
    'auth.permission-denied': {
      title: '无权进行此操作',
      detail: ({ permission }) => refusals[permission as Permission] ?? '你的角色不能进行此操作。',
    },

    'database.duplicate-key': {
      title: '记录已存在',
      detail: ({ constraint }) => `已有相同标识的记录${constraintNote(constraint)}。`,
    },
    'database.missing-reference': {
      title: '引用的记录不存在',
      detail: ({ constraint }) =>
        `这条记录引用了不存在或你无权查看的记录，或仍被其他记录引用${constraintNote(constraint)}。`,
    },
    'database.out-of-range': {
      title: '数值超出允许范围',
      detail: ({ constraint }) => `有一个值超出了允许的范围${constraintNote(constraint)}。`,
    },
    'database.value-missing': {
      title: '缺少必填的值',
      detail: ({ constraint }) => `缺少一个必填的值${constraintNote(constraint)}。`,
    },
    'database.bad-format': {
      title: '格式不正确',
      detail: ({ constraint }) => `有一个值的格式不正确${constraintNote(constraint)}。`,
    },
    'database.not-permitted': {
      title: '无权修改',
      detail: ({ constraint }) => `这条记录不在你可以修改的范围内${constraintNote(constraint)}。`,
    },
  },
  messages: {
    'field.required': '必填',
    'field.wrong-type': ({ expected }) => `应为${typeNames[expected] ?? expected}`,
    'field.too-small': ({ origin, minimum, inclusive }) => {
      if (origin === 'string' && minimum === 1 && inclusive) return '不能为空';
      const unit = unitOf[origin];
      if (unit) return `至少 ${inclusive ? minimum : minimum + 1}${unit}`;
      return inclusive ? `不能小于 ${minimum}` : `应大于 ${minimum}`;
    },
    'field.too-big': ({ origin, maximum, inclusive }) => {
      const unit = unitOf[origin];
      if (unit) return `最多 ${inclusive ? maximum : maximum - 1}${unit}`;
      return inclusive ? `不能大于 ${maximum}` : `应小于 ${maximum}`;
    },
    'field.invalid-format': ({ format }) =>
      formatNames[format] ? `不是有效的${formatNames[format]}` : '格式不正确',
    'field.invalid-option': ({ values }) => `应为以下之一：${values.join('、')}`,
    'field.unknown-keys': ({ keys }) => `不认识的字段：${keys.join('、')}`,
    'field.not-multiple-of': ({ divisor }) => `应为 ${divisor} 的倍数`,
    'field.invalid': '无效的值',
    'field.nul-character': '不能包含空字符（U+0000）',
    'field.bad-percent-encoding': '百分号编码无效（应为 encodeURIComponent 的结果）',
    'field.nothing-to-change': '没有要修改的内容',
  },
} satisfies CataloguePart;
