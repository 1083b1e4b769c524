import type { TenantTx } from '@xinqiao/db';
import { insertHospital } from './queries.ts';

/**
 * Two contracted hospitals per demo school for the green channel (绿色通道, seed 000: 与临床医院签约). The names are
 * made up for the demo (marked 演示): no real hospital's agreement is implied.
 */
export const DEMO_HOSPITALS: Readonly<
  Record<string, readonly { name: string; department: string; contact: string; phone: string }[]>
> = {
  hrbmu: [
    {
      name: '哈医大附属第一临床医院（演示）',
      department: '精神卫生科',
      contact: '张医生',
      phone: '0451-00000001',
    },
    {
      name: '哈尔滨市精神卫生中心（演示）',
      department: '青少年心理门诊',
      contact: '刘医生',
      phone: '0451-00000002',
    },
  ],
  hut: [
    { name: '株洲市中心医院（演示）', department: '心理科', contact: '王医生', phone: '0731-00000001' },
    {
      name: '株洲市精神卫生中心（演示）',
      department: '危机干预门诊',
      contact: '陈医生',
      phone: '0731-00000002',
    },
  ],
  'nuc-shuozhou': [
    { name: '朔州市人民医院（演示）', department: '心理科', contact: '赵医生', phone: '0349-00000001' },
    { name: '朔州市精神卫生中心（演示）', department: '心理门诊', contact: '孙医生', phone: '0349-00000002' },
  ],
  'wuhan-polytechnic': [
    {
      name: '武汉市精神卫生中心（演示）',
      department: '心理危机干预科',
      contact: '周医生',
      phone: '027-00000001',
    },
    {
      name: '武汉职院校医院合作门诊（演示）',
      department: '心理门诊',
      contact: '吴医生',
      phone: '027-00000002',
    },
  ],
};

/** Adds the demo school's contracted hospitals (agreements for the current and next two years). */
export async function seedDemoHospitalsFor(
  tx: TenantTx,
  schoolId: string,
  code: string,
  now: Date,
): Promise<void> {
  const year = now.getUTCFullYear();
  for (const hospital of DEMO_HOSPITALS[code] ?? []) {
    await insertHospital(tx, {
      schoolId,
      ...hospital,
      agreementFrom: `${year}-01-01`,
      agreementTo: `${year + 2}-12-31`,
    });
  }
}
