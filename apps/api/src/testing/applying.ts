import { randomUUID } from 'node:crypto';
import type { Language } from '@hms/contracts/language';
import { expect } from 'vitest';
import type { Agent } from './test-app.ts';

// A citizen's way through an application, step by step over the API, as the intake screens call it. Each step expects
// success, so a test names only what it is about.

export interface StepAnswers {
  step: string;
  answers: object;
}

/** Starts the caller's draft for a program (or resumes the open one). */
export async function startDraft<T extends { id: string; version: number }>(
  agent: Agent,
  slug: string,
): Promise<T> {
  const res = await agent.post(`/api/programs/${slug}/drafts`);
  expect([200, 201], res.body).toContain(res.statusCode);
  return res.json() as T;
}

/** Saves the steps in order; returns the draft's version after the last one. */
export async function saveSteps(
  agent: Agent,
  requestId: string,
  version: number,
  steps: readonly StepAnswers[],
): Promise<number> {
  let current = version;
  for (const s of steps) {
    const res = await agent.request('PUT', `/api/requests/${requestId}/answers`, {
      version: current,
      ...s,
    });
    expect(res.statusCode, res.body).toBe(200);
    current = (res.json() as { version: number }).version;
  }
  return current;
}

/**
 * A valid bank account as the citizen types it, at the bank step or as the new account after a returned payment:
 * routing 011000015, the number typed twice, the deposit authorized.
 */
export function bankAccountBody(
  accountNumber: string,
  o: { holderName?: string; accountType?: 'checking' | 'savings' } = {},
) {
  return {
    holderName: o.holderName ?? 'Casey Citizen',
    accountType: o.accountType ?? 'checking',
    routingNumber: '011000015',
    accountNumber,
    accountNumberConfirm: accountNumber,
    achAuthorization: true,
  };
}

/** The bank step with a valid account (routing 011000015), ACH authorized; returns the request after it. */
export async function saveBankAccount<T extends { version: number }>(
  agent: Agent,
  requestId: string,
  version: number,
  account: {
    holderName: string;
    accountNumber?: string;
    accountType?: 'checking' | 'savings';
  },
): Promise<T> {
  const res = await agent.request('PUT', `/api/requests/${requestId}/bank-account`, {
    version,
    ...bankAccountBody(account.accountNumber ?? '123456789012', account),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

/** Asks to submit the draft (declaration given unless `body` says otherwise) and returns the answer as it is. */
export function trySubmit(
  agent: Agent,
  requestId: string,
  idempotencyKey: string,
  body: { declaration?: boolean; language?: Language } = {},
) {
  return agent.post(
    `/api/requests/${requestId}/submit`,
    { declaration: true, ...body },
    { headers: { 'idempotency-key': idempotencyKey } },
  );
}

/** Submits the draft with the declaration under this idempotency key; returns the submit answer. */
export async function submitDraft<T = { id: string; reference: string }>(
  agent: Agent,
  requestId: string,
  idempotencyKey: string,
): Promise<T> {
  const res = await trySubmit(agent, requestId, idempotencyKey);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as T;
}

/**
 * A permit fee refund as a citizen fills it in: the permit, the reason, the contact step when one is given, and a
 * valid bank account. A test names what it is about; the rest is a plain refund of a permit fee charged twice.
 */
export interface PermitRefund {
  permitNumber?: string;
  datePaid?: string;
  /** Dollars as typed, e.g. '250'. */
  amountPaid?: string;
  refundReason?: string;
  reasonDetails?: string;
  /** The contact step's answers; without them the step is not saved and the profile's details stand. */
  contact?: object;
  holderName: string;
  accountNumber?: string;
}

/** Saves a permit refund's steps and bank account into an open draft. */
export async function fillPermitRefund(
  agent: Agent,
  draft: { id: string; version: number },
  r: PermitRefund,
): Promise<void> {
  const version = await saveSteps(agent, draft.id, draft.version, [
    {
      step: 'permit',
      answers: {
        permitNumber: r.permitNumber ?? 'BP-2026-01234',
        datePaid: r.datePaid ?? '2026-02-03',
        amountPaid: r.amountPaid ?? '250',
      },
    },
    {
      step: 'reason',
      answers: {
        refundReason: r.refundReason ?? 'duplicate',
        reasonDetails: r.reasonDetails ?? 'I paid twice on the same day.',
      },
    },
    ...(r.contact ? [{ step: 'contact', answers: r.contact }] : []),
  ]);
  await saveBankAccount(agent, draft.id, version, {
    holderName: r.holderName,
    accountNumber: r.accountNumber,
  });
}

/**
 * Starts a permit refund, fills it in and submits it (expects 201); returns the request id, the idempotency key it
 * was submitted under (to replay it) and the submit answer.
 */
export async function submitPermitRefund(
  agent: Agent,
  r: PermitRefund,
  idempotencyKey: string = randomUUID(),
): Promise<{ id: string; key: string; submitted: { reference: string; status: string } }> {
  const draft = await startDraft<{ id: string; version: number }>(agent, 'permit-fee-refund');
  await fillPermitRefund(agent, draft, r);
  const submitted = await submitDraft<{ reference: string; status: string }>(
    agent,
    draft.id,
    idempotencyKey,
  );
  return { id: draft.id, key: idempotencyKey, submitted };
}
