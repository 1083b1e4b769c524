import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, i18n, setLocale } from './index.ts';
import { ROLE_IDS, ROLE_NAMES } from './roles.ts';

describe('i18n/roles', () => {
  afterEach(() => setLocale(DEFAULT_LOCALE));

  it('lists the roles in the order the server defines them', () => {
    expect(ROLE_IDS).toEqual([
      'school_admin',
      'center_director',
      'center_staff',
      'college_station_head',
      'counsellor',
      'head_teacher',
      'class_committee',
      'dorm_liaison',
      'student_affairs',
      'alliance_officer',
      'student',
    ]);
  });

  it('names each role through the messages in both languages, Chinese first', () => {
    expect(i18n.global.t('roles.class_committee')).toBe('心理委员');
    setLocale('en');
    expect(i18n.global.t('roles.class_committee')).toBe('Class psych committee member');
    for (const role of ROLE_IDS) expect(i18n.global.t(`roles.${role}`)).toBe(ROLE_NAMES[role].en);
  });
});
