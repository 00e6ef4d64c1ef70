import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@hms/contracts/auth';
import { Agent, useTestApp } from './testing/test-app.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './platform/db/seed.ts';

/**
 * Every route × every role (and anonymous). The expected access comes from the "Roles: …" line each route must
 * declare in its OpenAPI description, so a route without a declaration, or one whose guard disagrees with its
 * declaration, fails here. Routes whose success needs real data (path ids, bodies without a sample) are probed:
 * refused roles must get 401/403 and allowed roles must get past the guard.
 */
const SAMPLE_BODIES: Record<string, () => unknown> = {
  register: () => ({
    email: `matrix-${Math.random().toString(36).slice(2)}@example.com`,
    password: 'matrix-phrase-long-enough',
    displayName: 'M',
  }),
  signIn: () => ({ email: 'citizen@example.gov', password: DEMO_PASSWORD }),
  updateMe: () => ({ language: 'en' }),
  // Intake (issue 3): bodies that pass the guard; validation or a missing row answers after it.
  startDraft: () => ({}),
  saveDraftStep: () => ({ version: 1, step: 'permit', answers: {} }),
  saveBankAccount: () => ({ version: 1 }),
  submitRequest: () => ({ declaration: true }),
  answerInfoRequest: () => ({ message: 'Here is the receipt.' }),
  withdrawRequest: () => ({}),
  uploadDocument: () => ({}),
  markNotificationRead: () => ({}),
  markAllNotificationsRead: () => ({}),
  // Practice space (issue 11): clearing with nothing to clear succeeds for an admin.
  clearPractice: () => ({}),
  // Staff accounts: a real invitation (201) for the admin; every other role is refused before the body is read.
  inviteStaff: () => ({
    email: `matrix-staff-${Math.random().toString(36).slice(2)}@example.com`,
    displayName: 'Matrix Staff',
    roles: ['finance'],
  }),
};

type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'roles'; roles: Role[] }
  // Machine routes (/api/integration/): a bearer service token; no session of any role gets in.
  | { kind: 'service-token' };

function parseAccess(operationId: string, description: string | undefined): Access {
  const m = /Roles: ([^.]+)\./.exec(description ?? '');
  if (!m) throw new Error(`${operationId}: description must declare "Roles: …".`);
  const text = m[1]!.trim();
  if (text.startsWith('public')) return { kind: 'public' };
  if (text.startsWith('any signed-in user')) return { kind: 'signed-in' };
  if (text.startsWith('service token')) return { kind: 'service-token' };
  const list = text.split(',').map((s) => s.trim());
  for (const r of list)
    if (!(roles as readonly string[]).includes(r))
      throw new Error(`${operationId}: unknown role "${r}"`);
  return { kind: 'roles', roles: list as Role[] };
}

interface Op {
  method: string;
  path: string;
  operationId: string;
  access: Access;
}

const t = useTestApp();
const agents = new Map<Role, Agent>();
let ops: Op[] = [];

beforeAll(async () => {
  for (const role of roles) {
    const email = DEMO_USERS.find((u) => u.role === role)!.email;
    const agent = new Agent(t.app);
    await agent.signIn(email);
    agents.set(role, agent);
  }
  const doc = JSON.parse((await t.app.inject({ url: '/api/openapi.json' })).body) as {
    paths: Record<
      string,
      Record<
        string,
        { operationId?: string; description?: string; tags?: string[]; summary?: string }
      >
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      expect(op.tags?.length, `${op.operationId} tags`).toBeGreaterThan(0);
      expect(op.summary, `${op.operationId} summary`).toBeTruthy();
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        access: parseAccess(op.operationId, op.description),
      });
    }
  }
  // sign-out ends the caller's session: run it last.
  ops = [
    ...ops.filter((o) => o.operationId !== 'signOut'),
    ...ops.filter((o) => o.operationId === 'signOut'),
  ];
});

/**
 * Path parameters get a random UUID and bodies without a sample get `{}`: guards run on onRequest, before
 * validation and lookup, so a refused role still gets 401/403 and an allowed one gets past the guard (400/404 are
 * fine there: they prove the guard let it through).
 */
function isProbe(op: Op): boolean {
  const needsBody = op.method !== 'GET' && op.method !== 'DELETE' && op.operationId !== 'signOut';
  return op.path.includes('{') || (needsBody && !SAMPLE_BODIES[op.operationId]);
}

async function call(agent: Agent, op: Op) {
  const path = op.path.replace(/\{[^}]+\}/g, () => randomUUID());
  const needsBody = op.method !== 'GET' && op.method !== 'DELETE' && op.operationId !== 'signOut';
  const sample = SAMPLE_BODIES[op.operationId];
  return agent.request(op.method as 'GET', path, needsBody ? (sample ? sample() : {}) : undefined);
}

describe('role matrix', () => {
  it('covers the routes of this API', () => {
    expect(ops.map((o) => o.operationId)).toEqual(
      expect.arrayContaining([
        'getHealth',
        'getReady',
        'getRemotes',
        'register',
        'signIn',
        'signOut',
        'getMe',
        'updateMe',
        'listPrograms',
        'listMyRequests',
        'getInboxCounts',
        'getFinanceSummary',
        'getPracticeOverview',
        'copyPracticeProgram',
        'setProgramPractice',
        'createPracticeRequests',
        'clearPractice',
        // Program administration (issue 11): admin only.
        'listAdminPrograms',
        'createProgram',
        'getAdminProgram',
        'saveProgramDraft',
        'requestProgramPublish',
        'approveProgramPublish',
        'withdrawProgramPublish',
        'openProgram',
        'closeProgram',
        'archiveProgram',
        'listProgramVersions',
        'getProgramVersionDiff',
        'getProgramDraftDiff',
        'revertProgram',
        'previewProgramEligibility',
        'getSettings',
        'updateSettings',
        'searchAuditLog',
        'exportAuditLog',
        'verifyAuditLog',
        'retryDeadEmail',
        // Staff accounts (issue 11, item 5).
        'listStaff',
        'inviteStaff',
        'getStaff',
        'changeStaffRoles',
        'deactivateStaff',
        'reactivateStaff',
        'resendStaffInvitation',
        'revokeStaffInvitation',
        'clearStaffSignInLock',
        'checkInvitation',
        'acceptInvitation',
        // Imports in the browser (issue 12).
        'runImport',
        'downloadImportErrorFile',
      ]),
    );
  });

  it('every route answers each role and anonymous as its declaration says', async () => {
    const failures: string[] = [];
    for (const op of ops) {
      const anon = await call(new Agent(t.app), op);
      const anonOk =
        op.access.kind === 'public'
          ? ![401, 403].includes(anon.statusCode) && anon.statusCode < 500
          : anon.statusCode === 401;
      if (!anonOk) failures.push(`${op.operationId} anonymous → ${anon.statusCode}`);
      if (op.access.kind === 'service-token') {
        for (const role of roles) {
          const res = await call(agents.get(role)!, op);
          if (res.statusCode !== 401)
            failures.push(
              `${op.operationId} as ${role} → ${res.statusCode} (expected 401: token only)`,
            );
        }
        continue;
      }
      // Public state-changing routes (register, sign-in, sign-out) would change the role agents' sessions.
      if (op.access.kind === 'public' && op.method !== 'GET') continue;
      for (const role of roles) {
        const res = await call(agents.get(role)!, op);
        const allowed = op.access.kind !== 'roles' || op.access.roles.includes(role);
        let ok: boolean;
        if (!allowed) ok = res.statusCode === 403;
        // A probe's row or body may not exist: allowed means "got past the guard" (no 401/403, no 5xx).
        else if (isProbe(op)) ok = ![401, 403].includes(res.statusCode) && res.statusCode < 500;
        else ok = (op.method === 'GET' ? [200] : [200, 201, 204]).includes(res.statusCode);
        if (!ok)
          failures.push(
            `${op.operationId} as ${role} → ${res.statusCode} (${allowed ? 'allowed' : 'expected 403'})`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});
