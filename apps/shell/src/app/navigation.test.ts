import type { Role } from '@hms/api-client';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_ROLES, homePathFor, navigationFor } from './navigation.ts';
import { REMOTE_MOUNTS } from './router.tsx';
import { userWith } from './user.test-helper.ts';

describe('where each role goes', () => {
  it.each([
    [['citizen'], '/my-requests'],
    [['approver'], '/approvals'],
    [['finance'], '/finance'],
    [['admin'], '/admin'],
  ] as Array<[Role[], string]>)('%j starts at %s', (roles, path) => {
    expect(homePathFor(userWith(roles))).toBe(path);
  });

  it('lists Admin for admins only', () => {
    expect(navigationFor(userWith(['admin']))).toEqual([{ to: '/admin', key: 'navAdmin' }]);
    for (const role of [
      'citizen',
      'approver',
      'senior_approver',
      'finance',
      'finance_supervisor',
    ] as Role[]) {
      expect(navigationFor(userWith([role])).map((i) => i.to)).not.toContain('/admin');
    }
  });
});

describe('remote mounts', () => {
  it('serves /admin from the admin remote, to admins only', () => {
    const admin = REMOTE_MOUNTS.find((m) => m.path === 'admin/*');
    expect(admin).toMatchObject({
      remote: 'admin',
      exportName: 'AdminArea',
      areaKey: 'areaAdmin',
    });
    expect(admin?.roles).toEqual(AREA_ROLES.admin);
    expect(AREA_ROLES.admin).toEqual(['admin']);
  });

  it("matches the API's copy used for preloads (apps/api/src/platform/static.ts)", () => {
    const source = readFileSync(resolve(__dirname, '../../../api/src/platform/static.ts'), 'utf8');
    const block = /const REMOTE_FOR_PATH[^=]*=\s*\[([\s\S]*?)\n\];/.exec(source)?.[1] ?? '';
    const copied = [...block.matchAll(/\['(\/[^']+)', '(\w+)'\]/g)].map((m) => [m[1], m[2]]);
    expect(copied).toEqual(REMOTE_MOUNTS.map((m) => [`/${m.path.replace(/\/\*$/, '')}`, m.remote]));
  });
});
