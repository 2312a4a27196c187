import type { Role } from '@sangeyipi/platform';

/** The password of every demo user (docs/gateway.md prints it); demo users exist only with AUTH_DEMO_USERS=true. */
export const DEMO_PASSWORD = 'sgyp-demo-2025';

export interface DirectoryUser {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId?: string;
  regionCode?: string;
}

/** 黄浦区市场监督管理局 and 徐汇区市场监督管理局, as the demo world of the embedded mode registers them (apps/embedded/src/demo). */
export const DEMO_UNIT_HUANGPU = 'd310101-scjg';
export const DEMO_UNIT_XUHUI = 'd310104-scjg';

/** One person per role, in Huangpu (310101) unless said otherwise, and a clerk of another district. */
export const DEMO_USERS: readonly DirectoryUser[] = [
  { userId: 'demo-applicant', username: 'zhangsan', displayName: '张三（申请人）', roles: ['applicant'] },
  { userId: 'demo-clerk', username: 'clerk', displayName: '李承办', roles: ['clerk'], unitId: DEMO_UNIT_HUANGPU, regionCode: '310101' },
  { userId: 'demo-reviewer', username: 'reviewer', displayName: '王审核', roles: ['reviewer'], unitId: DEMO_UNIT_HUANGPU, regionCode: '310101' },
  { userId: 'demo-decider', username: 'decider', displayName: '赵决定', roles: ['decider'], unitId: DEMO_UNIT_HUANGPU, regionCode: '310101' },
  { userId: 'demo-unit-admin', username: 'unitadmin', displayName: '陈管理', roles: ['unit_admin'], unitId: DEMO_UNIT_HUANGPU, regionCode: '310101' },
  { userId: 'demo-reform-office', username: 'reform', displayName: '黄浦区审改办', roles: ['reform_office'], regionCode: '310101' },
  { userId: 'demo-supervisor', username: 'supervisor', displayName: '孙督查', roles: ['supervisor'], regionCode: '310101' },
  { userId: 'demo-auditor', username: 'auditor', displayName: '周审计', roles: ['auditor'] },
  { userId: 'demo-operations-admin', username: 'ops', displayName: '吴运维', roles: ['operations_admin'] },
  { userId: 'demo-xuhui-clerk', username: 'xuhui-clerk', displayName: '徐汇区承办员', roles: ['clerk'], unitId: DEMO_UNIT_XUHUI, regionCode: '310104' },
];
