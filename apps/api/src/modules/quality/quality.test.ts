import { beforeAll, describe, expect, it } from 'vitest';
import type { AgreementRates } from '@hms/contracts/quality';
import { type Agent, useTestApp } from '../../testing/test-app.ts';
import { useDesk, type ProgramRow } from '../../testing/desk.ts';
import { auditEntries, rowById } from '../../testing/rows.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { drawForDecision } from './service.ts';

const t = useTestApp();
const desk = useDesk(t, {
  signIn: ['citizen', 'approver', 'senior', 'finance', 'admin'],
  staff: {
    approver2: { name: 'Quinn Checker', roles: ['approver'] },
    senior2: { name: 'Sasha Second', roles: ['senior_approver'] },
  },
  accountPrefix: '5500',
});
const { ids, agents, rebate, refund } = desk;

const body = (res: { body: string }) => JSON.parse(res.body);

const newRequest = (o: { program?: ProgramRow; applicant?: string; amount?: number } = {}) =>
  desk.newRequest({
    applicantId: o.applicant,
    programId: (o.program ?? rebate()).id,
    status: 'in_review',
    amountCents: o.amount ?? 40_000,
    answers: { household_size: 3 },
  });

const setShares = (programId: string, human: number, automated = 0, as = agents.admin!) =>
  as.request('PUT', `/api/quality/shares/${programId}`, {
    humanShareBasisPoints: human,
    automatedShareBasisPoints: automated,
  });

const decide = (a: Agent, id: string, b: Record<string, unknown>) =>
  a.post(`/api/requests/${id}/decisions`, { version: 1, ...b });
const reject = {
  kind: 'reject',
  reasonCode: 'ineligible',
  messageToApplicant: 'Not eligible, sorry.',
};

const samplesOf = (requestId: string) =>
  t.db.kysely
    .selectFrom('quality_samples')
    .selectAll()
    .where('request_id', '=', requestId)
    .execute();

type Trx = Parameters<typeof drawForDecision>[0];

/**
 * A decision recorded in the transaction as the decisions module records it (the demo approver's row, from
 * review), then the draw beside it, as the decisions module calls it; returns the sample's id or null.
 */
async function recordAndDraw(
  trx: Trx,
  d: {
    requestId: string;
    programId: string;
    kind: 'approve' | 'reject';
    approvedAmountCents: number | null;
    deciderId: string | null;
    rule?: Parameters<typeof drawForDecision>[1]['rule'];
  },
  draw?: () => number,
): Promise<string | null> {
  const decisionId = uuidv7();
  const toStatus = d.kind === 'approve' ? 'approved' : 'rejected';
  await trx
    .insertInto('decisions')
    .values({
      id: decisionId,
      request_id: d.requestId,
      kind: d.kind,
      actor_id: ids.approver!,
      at_version: 1,
      from_status: 'in_review',
      to_status: toStatus,
      approved_amount_cents: d.approvedAmountCents,
      reason_code: d.kind === 'approve' ? null : 'other',
      message: d.kind === 'approve' ? null : 'No.',
      payment_id: null,
    })
    .execute();
  return drawForDecision(trx, { ...d, decisionId, toStatus }, draw);
}

describe('the draw', () => {
  it('never samples at share 0 (or with no share set)', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await newRequest({ program: refund() });
      expect((await decide(agents.approver!, id, { kind: 'approve' })).statusCode).toBe(200);
      expect(await samplesOf(id)).toHaveLength(0);
    }
    expect((await setShares(refund().id, 0)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      const id = await newRequest({ program: refund() });
      expect((await decide(agents.approver!, id, reject)).statusCode).toBe(200);
      expect(await samplesOf(id)).toHaveLength(0);
    }
  });

  it('always samples at 100 %, approvals and rejections, with the decision it came from', async () => {
    expect((await setShares(rebate().id, 10_000)).statusCode).toBe(200);
    const a = await newRequest();
    expect((await decide(agents.approver!, a, { kind: 'approve' })).statusCode).toBe(200);
    const r = await newRequest();
    expect((await decide(agents.approver!, r, reject)).statusCode).toBe(200);
    const [sa] = await samplesOf(a);
    const [sr] = await samplesOf(r);
    expect(sa).toMatchObject({
      source: 'human',
      outcome: 'approve',
      decider_id: ids.approver,
      share_bp: 10_000,
    });
    expect(Number(sa!.amount_cents)).toBe(40_000);
    expect(sr).toMatchObject({ outcome: 'reject', amount_cents: null });
    const decision = await rowById(t.db.kysely, 'decisions', sa!.decision_id!);
    expect(decision.request_id).toBe(a);
  });

  it('does not sample a request for information, nor a first approval; samples the second with both deciders', async () => {
    const info = await newRequest();
    const asked = await decide(agents.approver!, info, {
      kind: 'request_info',
      question: 'Please send the receipt for the heat pump.',
    });
    expect(asked.statusCode).toBe(200);
    expect(await samplesOf(info)).toHaveLength(0);

    const big = await newRequest({ amount: Number(rebate().approval_threshold_cents) + 100 });
    expect((await decide(agents.senior!, big, { kind: 'approve' })).statusCode).toBe(200);
    expect(await samplesOf(big)).toHaveLength(0);
    expect((await decide(agents.senior2!, big, { kind: 'approve', version: 2 })).statusCode).toBe(
      200,
    );
    const [s] = await samplesOf(big);
    expect(s).toMatchObject({ decider_id: ids.senior2, first_approver_id: ids.senior });
    // Neither of the two who approved it may check it.
    for (const who of ['senior', 'senior2'])
      expect(
        body(
          await agents[who]!.post(`/api/quality/samples/${s!.id}/recheck`, { outcome: 'reject' }),
        ).code,
      ).toBe('quality.original_decider');
  });

  it('draws inside the decision’s transaction: when it rolls back, no sample is left', async () => {
    const id = await newRequest();
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        const sample = await recordAndDraw(trx, {
          requestId: id,
          programId: rebate().id,
          kind: 'approve',
          approvedAmountCents: 40_000,
          deciderId: ids.approver!,
        });
        expect(sample).not.toBeNull();
        throw new Error('the decision failed after the draw');
      }),
    ).rejects.toThrow('the decision failed after the draw');
    expect(await samplesOf(id)).toHaveLength(0);
  });

  it('compares the share with a uniform draw: 25 % samples draws 0–2499 only', async () => {
    expect((await setShares(refund().id, 2_500, 2_500)).statusCode).toBe(200);
    const results: Array<string | null> = [];
    for (const drawn of [0, 2_499, 2_500, 9_999]) {
      const id = await newRequest({ program: refund() });
      results.push(
        await t.db.kysely.transaction().execute((trx) =>
          recordAndDraw(
            trx,
            {
              requestId: id,
              programId: refund().id,
              kind: 'reject',
              approvedAmountCents: null,
              deciderId: ids.approver!,
            },
            () => drawn,
          ),
        ),
      );
    }
    expect(results.map((r) => r !== null)).toEqual([true, true, false, false]);
    expect((await setShares(refund().id, 0)).statusCode).toBe(200);
  });
});

describe('the blind re-check', () => {
  let sampleId: string;
  let requestId: string;

  beforeAll(async () => {
    requestId = await newRequest();
    expect(
      (await decide(agents.approver!, requestId, { kind: 'approve', approvedAmountCents: 35_000 }))
        .statusCode,
    ).toBe(200);
    sampleId = (await samplesOf(requestId))[0]!.id;
  });

  it('lists the sample in the queue without its outcome, with who may not check it', async () => {
    const mine = body(await agents.approver!.get('/api/quality/queue')).items;
    const item = mine.find((i: { sampleId: string }) => i.sampleId === sampleId);
    expect(item).toMatchObject({ amountRequestedCents: 40_000, refusal: 'original_decider' });
    expect(Object.keys(item).sort()).toEqual(
      ['amountRequestedCents', 'drawnAt', 'program', 'reference', 'refusal', 'sampleId'].sort(),
    );
    const theirs = body(await agents.approver2!.get('/api/quality/queue')).items;
    expect(theirs.find((i: { sampleId: string }) => i.sampleId === sampleId).refusal).toBeNull();
  });

  it('shows the request as the decider saw it and nothing of the decision', async () => {
    const res = await agents.approver2!.get(`/api/quality/samples/${sampleId}`);
    expect(res.statusCode).toBe(200);
    const v = body(res);
    expect(v).toMatchObject({
      sampleId,
      // The program in both languages, for the reader's.
      program: { name: { en: rebate().name_en, es: rebate().name_es } },
      amountRequestedCents: 40_000,
      answers: { household_size: 3 },
      bankAccount: { last4: expect.stringMatching(/^\d{4}$/) },
      refusal: null,
    });
    expect(Object.keys(v).sort()).toEqual(
      [
        'amountRequestedCents',
        'answers',
        'applicantName',
        'bankAccount',
        'documents',
        'program',
        'questionSet',
        'reference',
        'refusal',
        'riskLevel',
        'riskSignals',
        'sampleId',
        'submittedAt',
      ].sort(),
    );
    const decider = await rowById(t.db.kysely, 'users', ids.approver!);
    expect(res.body).not.toContain(decider.display_name);
    expect(res.body).not.toContain('35000');
    expect(v.status).toBeUndefined();
    expect(res.body).not.toContain(ids.approver);
  });

  it('refuses the original decider and the roles outside approvals', async () => {
    const own = await agents.approver!.post(`/api/quality/samples/${sampleId}/recheck`, {
      outcome: 'approve',
    });
    expect(own.statusCode).toBe(403);
    expect(body(own).code).toBe('quality.original_decider');
    for (const who of ['admin', 'finance', 'citizen'])
      expect(
        (
          await agents[who]!.post(`/api/quality/samples/${sampleId}/recheck`, {
            outcome: 'approve',
          })
        ).statusCode,
      ).toBe(403);
    expect((await agents.admin!.get(`/api/quality/samples/${sampleId}`)).statusCode).toBe(403);
  });

  it('refuses an applicant who is approvals staff', async () => {
    const id = await newRequest({ applicant: ids.approver2! });
    expect((await decide(agents.approver!, id, reject)).statusCode).toBe(200);
    const [s] = await samplesOf(id);
    const res = await agents.approver2!.post(`/api/quality/samples/${s!.id}/recheck`, {
      outcome: 'approve',
    });
    expect(res.statusCode).toBe(403);
    expect(body(res).code).toBe('quality.own_request');
  });

  it('records a differing re-decision once, reveals the original, and lists the disagreement', async () => {
    const res = await agents.approver2!.post(`/api/quality/samples/${sampleId}/recheck`, {
      outcome: 'reject',
      note: 'The household size does not qualify.',
    });
    expect(res.statusCode).toBe(200);
    expect(body(res)).toMatchObject({
      agrees: false,
      original: {
        outcome: 'approve',
        source: 'human',
        amountCents: 35_000,
        decidedBy: { id: ids.approver },
        rule: null,
      },
      recheck: {
        outcome: 'reject',
        note: 'The household size does not qualify.',
        by: { id: ids.approver2 },
      },
    });
    const again = await agents.senior!.post(`/api/quality/samples/${sampleId}/recheck`, {
      outcome: 'approve',
    });
    expect(again.statusCode).toBe(409);
    expect(body(again).code).toBe('quality.already_rechecked');

    const listed = body(
      await agents.admin!.get(`/api/quality/disagreements?programId=${rebate().id}`),
    );
    expect(listed.items.map((i: { sampleId: string }) => i.sampleId)).toContain(sampleId);
    expect(
      body(await agents.approver!.get('/api/quality/queue')).items.map(
        (i: { sampleId: string }) => i.sampleId,
      ),
    ).not.toContain(sampleId);
    const audit = await auditEntries(t.db.kysely, {
      action: 'quality.rechecked',
      entityId: requestId,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(ids.approver2);
  });

  it('does not list an agreeing re-check as a disagreement', async () => {
    const id = await newRequest();
    expect((await decide(agents.approver!, id, reject)).statusCode).toBe(200);
    const [s] = await samplesOf(id);
    const res = await agents.senior!.post(`/api/quality/samples/${s!.id}/recheck`, {
      outcome: 'reject',
    });
    expect(body(res).agrees).toBe(true);
    const listed = body(await agents.approver!.get('/api/quality/disagreements')).items;
    expect(listed.map((i: { sampleId: string }) => i.sampleId)).not.toContain(s!.id);
  });
});

describe('agreement rates', () => {
  it('counts agreement per program, human apart from automated and per rule version, with Wilson intervals', async () => {
    // Automated approvals, as the decision-rules module will record them: no person, a rule version and rule.
    expect((await setShares(refund().id, 0, 10_000)).statusCode).toBe(200);
    const versionId = uuidv7();
    const other = uuidv7();
    const cases = [
      [versionId, 3, 'approve'],
      [versionId, 3, 'reject'],
      [other, 4, 'approve'],
    ] as const;
    const requestIds: string[] = [];
    for (let i = 0; i < cases.length; i++) requestIds.push(await newRequest({ program: refund() }));
    await t.db.kysely.transaction().execute(async (trx) => {
      for (const [i, [v, version, outcome]] of cases.entries()) {
        const id = requestIds[i]!;
        const sample = await recordAndDraw(
          trx,
          {
            requestId: id,
            programId: refund().id,
            kind: 'approve',
            approvedAmountCents: 10_000,
            deciderId: null,
            rule: { versionId: v, version, ruleId: 'small-refunds', position: 1 },
          },
          () => 0,
        );
        await trx
          .insertInto('quality_rechecks')
          .values({
            id: uuidv7(),
            sample_id: sample!,
            reviewer_id: ids.approver2!,
            outcome,
            agrees: outcome === 'approve',
            note: '',
          })
          .execute();
      }
    });
    const res = await agents.approver!.get('/api/quality/agreement');
    expect(res.statusCode).toBe(200);
    const programs = (body(res) as AgreementRates).programs;
    const r = programs.find((p) => p.programId === refund().id)!;
    expect(r.human).toEqual({ checked: 0, agreed: 0, rate: null, low: null, high: null });
    expect(r.automated).toMatchObject({ checked: 3, agreed: 2 });
    expect(r.automated.rate).toBeCloseTo(2 / 3, 6);
    expect(r.automated.low).toBeCloseTo(0.2077, 3);
    expect(r.automated.high).toBeCloseTo(0.9385, 3);
    expect(r.ruleVersions).toEqual([
      {
        ruleVersionId: other,
        version: 4,
        checked: 1,
        agreed: 1,
        rate: 1,
        low: expect.any(Number),
        high: 1,
      },
      expect.objectContaining({
        ruleVersionId: versionId,
        version: 3,
        checked: 2,
        agreed: 1,
        rate: 0.5,
      }),
    ]);
    const b = programs.find((p) => p.programId === rebate().id)!;
    // Two human re-checks in the rebate program so far: one disagreement, one agreement.
    expect(b.human).toMatchObject({ checked: 2, agreed: 1, rate: 0.5 });
    expect(b.human.low).toBeCloseTo(0.0945, 3);
    expect(b.human.high).toBeCloseTo(0.9055, 3);
    expect(b.automated.checked).toBe(0);
    expect(b.all).toEqual(b.human);
  });

  it('lets approvals staff and admins read results, and only admins set shares', async () => {
    for (const who of ['approver', 'senior', 'admin']) {
      expect((await agents[who]!.get('/api/quality/agreement')).statusCode).toBe(200);
      expect((await agents[who]!.get('/api/quality/disagreements')).statusCode).toBe(200);
    }
    for (const who of ['finance', 'citizen'])
      expect((await agents[who]!.get('/api/quality/agreement')).statusCode).toBe(403);
    expect((await setShares(rebate().id, 100, 0, agents.senior!)).statusCode).toBe(403);
    expect((await agents.approver!.get('/api/quality/shares')).statusCode).toBe(403);
    const shares = body(await agents.admin!.get('/api/quality/shares')).items;
    expect(shares.find((s: { programId: string }) => s.programId === rebate().id)).toMatchObject({
      humanShareBasisPoints: 10_000,
      changedBy: { id: ids.admin },
    });
    const bad = await setShares(rebate().id, 10_001);
    expect(bad.statusCode).toBe(400);
    const audit = await auditEntries(t.db.kysely, {
      action: 'quality.shares_changed',
      entityId: rebate().id,
    });
    expect(audit.length).toBeGreaterThan(0);
  });
});
