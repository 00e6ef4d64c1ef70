import type { Kysely } from 'kysely';
import { generateReference } from '@hms/contracts/reference-number';
import type { RequestStatus } from '@hms/contracts/requests';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { fieldKey, sealField } from '../../platform/field-crypto.ts';
import * as requests from '../applications/service.ts';
import * as auth from '../auth/service.ts';
import * as programs from '../programs/service.ts';
import { accountFingerprint } from '../risk/service.ts';

/**
 * Demo rows: requests and payee accounts in any state for the demo seed of the approvals modules (production code,
 * `seed.ts`), written through the applications module that owns both; tests build their rows with the same
 * functions. The citizen submission flow belongs to the applications module. Everything a real submission sets is set.
 */
export async function insertPayeeAccount(
  db: Kysely<Database>,
  o: {
    userId: string;
    encryptionKey: Buffer;
    routing?: string;
    account: string;
    holderName?: string;
    createdAt?: Date;
    id?: string;
  },
): Promise<string> {
  const id = o.id ?? uuidv7();
  const routing = o.routing ?? '011000015';
  const key = fieldKey(o.encryptionKey);
  await requests.insertDemoPayeeAccount(db, {
    id,
    user_id: o.userId,
    holder_name: o.holderName ?? 'Account Holder',
    account_type: 'checking',
    routing_number: routing,
    account_number_enc: sealField(o.account, key),
    account_last4: o.account.slice(-4),
    key_id: key.id,
    fingerprint: accountFingerprint(o.encryptionKey, routing, o.account),
    ...(o.createdAt ? { created_at: o.createdAt } : {}),
  });
  return id;
}

export interface RequestFixture {
  applicantId: string;
  programId: string;
  status: RequestStatus;
  amountCents: number;
  id?: string;
  reference?: string;
  answers?: Record<string, unknown>;
  assignedTo?: string | null;
  firstApproverId?: string | null;
  approvedAmountCents?: number | null;
  submittedAt?: Date;
  dueAt?: Date | null;
  payeeAccountId?: string | null;
  idempotencyKey?: string | null;
  version?: number;
}

/** Returns the id of the row (the existing one when the idempotency key was already used). */
export async function insertRequest(db: Kysely<Database>, o: RequestFixture): Promise<string> {
  const id = o.id ?? uuidv7();
  const submittedAt = o.status === 'draft' ? null : (o.submittedAt ?? new Date());
  return requests.insertDemoRequest(db, {
    id,
    reference: o.reference ?? generateReference(),
    program_id: o.programId,
    program_version: 1,
    applicant_id: o.applicantId,
    status: o.status,
    answers: JSON.stringify(o.answers ?? {}),
    amount_requested_cents: o.amountCents,
    approved_amount_cents: o.approvedAmountCents ?? null,
    assigned_to: o.assignedTo ?? null,
    first_approver_id: o.firstApproverId ?? null,
    submitted_at: submittedAt,
    due_at:
      o.dueAt === undefined
        ? submittedAt
          ? new Date(submittedAt.getTime() + 14 * 86_400_000)
          : null
        : o.dueAt,
    payee_account_id: o.payeeAccountId ?? null,
    idempotency_key: o.idempotencyKey ?? null,
    version: o.version ?? 1,
    created_at: submittedAt ?? new Date(),
    updated_at: new Date(),
  });
}

export function userIdByEmail(db: Kysely<Database>, email: string): Promise<string> {
  return auth.userIdByEmail(db, email);
}

export function programBySlug(db: Kysely<Database>, slug: string) {
  return programs.programRowBySlug(db, slug);
}
