import { beforeAll } from 'vitest';
import { resolveEncryptionKey } from '../platform/crypto-key.ts';
import {
  insertPayeeAccount,
  insertRequest,
  programBySlug,
  type RequestFixture,
} from '../modules/inbox/demo-rows.ts';
import { addStaff } from './staff.ts';
import type { Agent, DemoAccount, DemoProgram, TestHarness } from './test-app.ts';

// The approvals desk as the tests of deciding requests (decisions, information requests, quality re-checks) start
// from: the people signed in by name, and requests written straight in, in the state a test needs, without walking
// the citizen's screens.

type StaffRole = Parameters<typeof addStaff>[3][number];
export type ProgramRow = Awaited<ReturnType<typeof programBySlug>>;

const DESK_PROGRAMS: readonly DemoProgram[] = ['home-energy-rebate', 'permit-fee-refund'];

export interface Desk {
  /** User ids by name: the demo accounts named and the staff added (filled in beforeAll). */
  readonly ids: Record<string, string>;
  /** A signed-in agent for each of the same names (filled in beforeAll). */
  readonly agents: Record<string, Agent>;
  /** The home-energy-rebate program's row as it was when the file began (budget, threshold and maximum included). */
  rebate(): ProgramRow;
  /** The permit-fee-refund program's row as it was when the file began. */
  refund(): ProgramRow;
  /**
   * A request written straight in, with a bank account of its own numbered from the file's prefix (so no
   * shared-account risk signal joins it); the demo citizen applies unless the fixture names someone else.
   */
  newRequest(
    o: Omit<RequestFixture, 'applicantId' | 'payeeAccountId'> & {
      applicantId?: string | undefined;
    },
  ): Promise<string>;
}

/**
 * Registers a beforeAll (after the harness's) that signs in the demo accounts named and the staff added (each
 * `<name>@example.gov`, with the demo password).
 */
export function useDesk(
  t: TestHarness,
  o: {
    signIn: readonly DemoAccount[];
    staff?: Record<string, { name: string; roles: StaffRole[] }>;
    /** Four digits that start this file's account numbers, apart from other files'. */
    accountPrefix: string;
  },
): Desk {
  const ids: Record<string, string> = {};
  const agents: Record<string, Agent> = {};
  const programs = new Map<DemoProgram, ProgramRow>();
  let key: Buffer | undefined;
  let accounts = 0;
  beforeAll(async () => {
    key = resolveEncryptionKey(t.config);
    for (const who of o.signIn) ids[who] = t.userId(who);
    for (const [who, s] of Object.entries(o.staff ?? {}))
      ids[who] = await addStaff(t.db.kysely, `${who}@example.gov`, s.name, s.roles);
    for (const who of Object.keys(ids)) agents[who] = await t.signIn(`${who}@example.gov`);
    for (const slug of DESK_PROGRAMS) programs.set(slug, await programBySlug(t.db.kysely, slug));
  });
  const program = (slug: DemoProgram): ProgramRow => {
    const row = programs.get(slug);
    if (!row)
      throw new Error('the desk is set up in beforeAll: read programs inside hooks and tests');
    return row;
  };
  return {
    ids,
    agents,
    rebate: () => program('home-energy-rebate'),
    refund: () => program('permit-fee-refund'),
    async newRequest({ applicantId, ...request }) {
      if (!key)
        throw new Error('the desk is set up in beforeAll: add requests inside hooks and tests');
      accounts += 1;
      const applicant = applicantId ?? ids.citizen ?? t.citizenId;
      const payeeAccountId = await insertPayeeAccount(t.db.kysely, {
        userId: applicant,
        encryptionKey: key,
        account: `${o.accountPrefix}${String(accounts).padStart(6, '0')}`,
      });
      return insertRequest(t.db.kysely, { ...request, applicantId: applicant, payeeAccountId });
    },
  };
}
