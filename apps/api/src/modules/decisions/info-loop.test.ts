import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { useTestApp, type Agent } from '../../testing/test-app.ts';
import { useDesk } from '../../testing/desk.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { repairAnsweredButStuck } from '../../platform/db/migrations/0203_info_answered.ts';

// Issue 9, items 1-4 at the API: the more-information round trip ends where a person can act on it, and every
// action a screen may offer comes from the same rules the API enforces.

const t = useTestApp();
const desk = useDesk(t, { signIn: ['citizen', 'approver', 'senior'], accountPrefix: '5500' });
const { ids, agents } = desk;

async function newRequest(o: { status?: 'submitted' | 'awaiting_second_approval' } = {}) {
  return desk.newRequest({
    programId: desk.rebate().id,
    status: o.status ?? 'submitted',
    amountCents: 50_000,
    ...(o.status === 'awaiting_second_approval'
      ? { firstApproverId: ids.approver!, approvedAmountCents: 50_000 }
      : {}),
  });
}

interface Review {
  status: string;
  version: number;
  assignee: { id: string } | null;
  infoAnsweredAt: string | null;
  allowedActions: string[];
  documents: Array<{ id: string; fileName: string; origin: string; answeredAt: string | null }>;
  infoExchanges: Array<{
    question: string;
    answer: { message: string; documents: Array<{ id: string; fileName: string }> } | null;
  }>;
}
const review = async (a: Agent, id: string) => (await a.get(`/api/review/${id}`)).json() as Review;

async function askForInformation(id: string) {
  expect((await agents.approver!.post(`/api/requests/${id}/claim`)).statusCode).toBe(200);
  const r = await review(agents.approver!, id);
  const res = await agents.approver!.post(`/api/requests/${id}/decisions`, {
    kind: 'request_info',
    version: r.version,
    question: 'Please upload the contractor invoice with the installation date.',
  });
  expect(res.statusCode, res.body).toBe(200);
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

async function upload(agent: Agent, requestId: string, filename: string) {
  const boundary = '----hmsloop' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/requests/${requestId}/documents`,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': agent.cookies.get('hms_csrf') ?? '',
    },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const inboxIds = async (a: Agent, queue: string) =>
  (
    (await a.get(`/api/inbox?queue=${queue}&limit=100`)).json() as {
      items: Array<{ id: string; infoAnsweredAt: string | null; allowedActions: string[] }>;
    }
  ).items;

describe('the citizen answers a request for more information', () => {
  it('the reviewer still holds it: back in review with them, marked answered, with the answer and its file', async () => {
    const id = await newRequest();
    await askForInformation(id);
    const waiting = await review(agents.approver!, id);
    // Nothing to decide while the citizen has the request.
    expect(waiting.allowedActions).toEqual(['release', 'comment']);

    const doc = await upload(agents.citizen!, id, 'invoice.png');
    const answered = await agents.citizen!.post(`/api/requests/${id}/info-response`, {
      message: 'La factura tiene fecha del 3 de marzo.',
      documentIds: [doc],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((answered.json() as { status: string }).status).toBe('in_review');

    const r = await review(agents.approver!, id);
    expect(r).toMatchObject({ status: 'in_review', assignee: { id: ids.approver } });
    expect(r.infoAnsweredAt).not.toBeNull();
    expect(r.allowedActions).toEqual(['release', 'approve', 'reject', 'request_info', 'comment']);
    expect(r.infoExchanges).toEqual([
      expect.objectContaining({
        question: 'Please upload the contractor invoice with the installation date.',
        answer: expect.objectContaining({
          message: 'La factura tiene fecha del 3 de marzo.',
          documents: [expect.objectContaining({ id: doc, fileName: 'invoice.png' })],
        }),
      }),
    ]);
    // The file is listed once, saying it came with the answer.
    expect(r.documents.filter((d) => d.id === doc)).toEqual([
      expect.objectContaining({ origin: 'info_answer', answeredAt: expect.any(String) }),
    ]);

    // In the reviewer's own queue, marked answered; nobody else's unassigned queue.
    const mine = (await inboxIds(agents.approver!, 'mine')).find((i) => i.id === id);
    expect(mine?.infoAnsweredAt).toBe(r.infoAnsweredAt);
    expect(mine?.allowedActions).toContain('approve');
    expect((await inboxIds(agents.senior!, 'unassigned')).some((i) => i.id === id)).toBe(false);

    // The same reviewer approves without any workaround; the mark goes with the decision.
    const ok = await agents.approver!.post(`/api/requests/${id}/decisions`, {
      kind: 'approve',
      version: r.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as { status: string }).status).toBe('approved');
    expect((await review(agents.approver!, id)).infoAnsweredAt).toBeNull();
  });

  it('nobody holds it: back to submitted, unassigned, and anyone may claim it', async () => {
    const id = await newRequest();
    await askForInformation(id);
    const released = await agents.approver!.post(`/api/requests/${id}/release`);
    expect(released.json()).toMatchObject({ status: 'needs_info', assignee: null });

    const res = await agents.citizen!.post(`/api/requests/${id}/info-response`, {
      message: 'Here is the invoice date: March 3.',
      documentIds: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = await review(agents.senior!, id);
    expect(r).toMatchObject({ status: 'submitted', assignee: null });
    expect(r.infoAnsweredAt).not.toBeNull();
    const unassigned = (await inboxIds(agents.senior!, 'unassigned')).find((i) => i.id === id);
    expect(unassigned?.allowedActions).toEqual(['claim', 'reassign', 'comment']);
    expect((await agents.senior!.post(`/api/requests/${id}/claim`)).statusCode).toBe(200);
  });

  it('migration 0203 repairs requests left submitted-and-assigned by an earlier answer, and only those', async () => {
    const db = t.db.kysely as unknown as Kysely<unknown>;
    const stuck = await newRequest();
    await askForInformation(stuck);
    const held = await newRequest();
    await agents.approver!.post(`/api/requests/${held}/claim`);
    // What the old code left behind: the answer recorded, the request submitted while still assigned.
    const answeredAt = new Date();
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'submitted', info_answered_at: null })
      .where('id', '=', stuck)
      .execute();
    await t.db.kysely
      .insertInto('request_events')
      .values({
        id: uuidv7(),
        request_id: stuck,
        type: 'info_provided',
        from_status: 'needs_info',
        to_status: 'submitted',
        actor_id: ids.citizen!,
        actor_kind: 'user',
        data: JSON.stringify({ message: 'Old answer', documentIds: [] }),
        visible_to_applicant: true,
        created_at: answeredAt,
      })
      .execute();
    // A comment after the answer does not hide it; a request submitted and assigned for another reason (its last
    // change of state is not an answer) is left alone.
    await agents.approver!.post(`/api/requests/${stuck}/comments`, { body: 'Answer arrived.' });
    await t.db.kysely
      .updateTable('requests')
      .set({ status: 'submitted' })
      .where('id', '=', held)
      .execute();
    const before = await review(agents.approver!, stuck);
    // The dead end: the holder can neither claim nor decide.
    expect(before.allowedActions).toEqual(['release', 'comment']);

    expect(await repairAnsweredButStuck(db)).toBe(1);
    const after = await review(agents.approver!, stuck);
    expect(after).toMatchObject({
      status: 'in_review',
      assignee: { id: ids.approver },
      version: before.version + 1,
      infoAnsweredAt: answeredAt.toISOString(),
    });
    expect(after.allowedActions).toContain('approve');
    expect((await review(agents.approver!, held)).status).toBe('submitted');
    expect(await repairAnsweredButStuck(db)).toBe(0);
  });
});

describe('allowed actions come from the rules the API enforces', () => {
  it('the first approver sees no decision, claim or reassign on a request awaiting the second approval', async () => {
    const id = await newRequest({ status: 'awaiting_second_approval' });
    expect((await review(agents.approver!, id)).allowedActions).toEqual(['comment']);
    expect((await review(agents.senior!, id)).allowedActions).toEqual([
      'claim',
      'approve',
      'reject',
      'reassign',
      'comment',
    ]);
    // And the API refuses what the screen does not offer.
    const r = await review(agents.approver!, id);
    for (const [url, body] of [
      [`/api/requests/${id}/claim`, undefined],
      [
        `/api/requests/${id}/decisions`,
        {
          kind: 'reject',
          version: r.version,
          reasonCode: 'other',
          messageToApplicant: 'This request is not eligible.',
        },
      ],
      [`/api/requests/${id}/decisions`, { kind: 'approve', version: r.version }],
    ] as const)
      expect((await agents.approver!.post(url, body)).statusCode, url).toBe(403);
  });

  it('reassignment and the list of people to reassign to are for senior approvers only', async () => {
    const id = await newRequest();
    expect((await review(agents.approver!, id)).allowedActions).not.toContain('reassign');
    expect((await agents.approver!.get('/api/inbox/approvers')).statusCode).toBe(403);
    const list = await agents.senior!.get('/api/inbox/approvers');
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: Array<{ id: string }> }).items.map((p) => p.id)).toEqual(
      expect.arrayContaining([ids.approver, ids.senior]),
    );
    expect(
      (await agents.approver!.post(`/api/requests/${id}/assignment`, { assigneeId: ids.senior }))
        .statusCode,
    ).toBe(403);
    const ok = await agents.senior!.post(`/api/requests/${id}/assignment`, {
      assigneeId: ids.approver,
    });
    expect(ok.json()).toMatchObject({ status: 'in_review', assignee: { id: ids.approver } });
    // Giving it to the person who already holds it is refused with the field named.
    const again = await agents.senior!.post(`/api/requests/${id}/assignment`, {
      assigneeId: ids.approver,
    });
    expect(again.statusCode).toBe(400);
    expect((again.json() as { errors: Array<{ field: string }> }).errors[0]!.field).toBe(
      'body.assigneeId',
    );
  });
});
