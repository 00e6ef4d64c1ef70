import type { Kysely } from 'kysely';
import type { ReviewDetail } from '@hms/contracts/review';
import type { RiskSignalKind } from '@hms/contracts/risk';
import type { Database } from '../../platform/db/schema.ts';
import type { Config } from '../../platform/config.ts';
import { keyRing } from '../../platform/keyring.ts';
import { forbidden, notFound, conflict } from '../../platform/errors.ts';
import { auditUserChange } from '../../platform/audit.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import { fieldKey, openField } from '../../platform/field-crypto.ts';
import { computeRiskSignals, signalsOfRequest } from '../risk/service.ts';
import * as programs from '../programs/service.ts';
import { deadlineState, dueSoonCutoff } from '../inbox/service.ts';
import * as imports from '../imports/service.ts';
import * as requests from '../applications/service.ts';
import * as documents from '../documents/service.ts';
import * as payments from '../payments/service.ts';
import * as readModels from '../read-models/service.ts';
import * as repo from './repo.ts';
import { actionRefusal, allowedActions } from '@hms/contracts/request-rules';
import { iso, personRef } from '../../platform/response-fields.ts';

type Exchange = ReviewDetail['infoExchanges'][number];
type ReviewDocument = ReviewDetail['documents'][number];
type TimelineRow = Awaited<ReturnType<typeof readModels.reviewTimeline>>[number];

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Pairs each request for information with the citizen's answer from the timeline, and says of each file whether it
 * came with the application or with which answer, so the reviewer sees every file once and knows why it is there.
 */
function infoExchanges(
  events: TimelineRow[],
  docs: Awaited<ReturnType<typeof documents.fileNamesOfRequest>>,
): { exchanges: Exchange[]; documents: ReviewDocument[] } {
  const answeredAt = new Map<string, string>();
  for (const e of events)
    if (e.type === 'info_provided' && Array.isArray(e.data.documentIds))
      for (const id of e.data.documentIds)
        if (typeof id === 'string') answeredAt.set(id.toLowerCase(), iso(e.created_at));
  const documents: ReviewDocument[] = docs.map((d) => {
    const at = answeredAt.get(d.id.toLowerCase()) ?? null;
    return {
      id: d.id,
      fileName: d.filename,
      contentType: d.mime_type,
      url: `/api/documents/${d.id}`,
      origin: at ? 'info_answer' : d.question_id !== null ? 'application' : 'unsent_answer',
      answeredAt: at,
    };
  });
  const exchanges: Exchange[] = [];
  for (const e of events) {
    if (e.type === 'info_requested')
      exchanges.push({
        question: str(e.data.question),
        askedAt: iso(e.created_at),
        askedBy: personRef(e.actor_id, e.display_name),
        answer: null,
      });
    const open = exchanges.at(-1);
    if (e.type === 'info_provided' && open && !open.answer) {
      const ids = Array.isArray(e.data.documentIds)
        ? e.data.documentIds.filter((x): x is string => typeof x === 'string')
        : [];
      open.answer = {
        message: str(e.data.message),
        at: iso(e.created_at),
        documents: documents.filter((d) =>
          ids.some((id) => id.toLowerCase() === d.id.toLowerCase()),
        ),
      };
    }
  }
  return { exchanges, documents };
}

export interface ReviewContext {
  timeZone: string;
  encryptionKey?: Buffer | undefined;
}

/** A review read as the app is configured: in the agency time zone, accounts opened with the current key. */
export const reviewContext = (config: Config): ReviewContext => ({
  timeZone: config.timezone,
  encryptionKey: keyRing(config).current.key,
});

/** Everything an approver needs to decide, in one read. Risk signals are computed first if they never were. */
export async function detail(
  db: Kysely<Database>,
  id: string,
  viewer: { id: string; roles: readonly string[] },
  ctx: ReviewContext,
  now = new Date(),
): Promise<ReviewDetail> {
  let r = await readModels.reviewRequest(db, id);
  if (!r || r.status === 'draft')
    throw notFound(
      'request.not_found',
      `There is no submitted request ${id}. Check the link or search the inbox by reference.`,
    );
  if (!r.risk_computed_at) {
    await db
      .transaction()
      .execute((trx) => computeRiskSignals(trx, id, { encryptionKey: ctx.encryptionKey, now }));
    r = (await readModels.reviewRequest(db, id))!;
  }
  const [asked, committed, others, events, comments, audit, payment, docs, signals] =
    await Promise.all([
      // The questions the applicant answered: the definition of the version the request was submitted under.
      programs.definitionForRequest(db, r),
      programs.committedCentsExcept(db, r.program_id, r.id),
      readModels.otherRequestsOfApplicant(db, r.applicant_id, id),
      readModels.reviewTimeline(db, id),
      repo.comments(db, id),
      readModels.reviewAuditTrail(db, id),
      payments.latestPaymentOfRequest(db, id),
      documents.fileNamesOfRequest(db, id),
      signalsOfRequest(db, id),
    ]);
  // Where this request and the applicant's others came from, if imported: one lookup for all of them.
  const origins = await imports.requestOrigins(db, [id, ...others.map((o) => o.id)]);
  const info = infoExchanges(events, docs);
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    version: r.version,
    program: {
      id: r.program_id,
      name: { en: r.program_name, es: r.program_name_es },
      version: asked.version,
      maxAmountCents: Number(r.max_amount_cents),
      approvalThresholdCents: Number(r.approval_threshold_cents),
      remainingBudgetCents: Number(r.budget_cents) - committed,
      reviewDeadlineDays: r.review_deadline_days,
    },
    applicant: { id: r.applicant_id, name: r.applicant_name, email: r.applicant_email },
    isOwnRequest: r.applicant_id === viewer.id,
    practice: r.practice,
    imported: origins.get(r.id) ?? null,
    answers: r.answers,
    questionSet: asked.definition.questionSet,
    amountRequestedCents: Number(r.amount_requested_cents),
    approvedAmountCents: r.approved_amount_cents === null ? null : Number(r.approved_amount_cents),
    assignee: personRef(r.assigned_to, r.assignee_name),
    firstApprover: personRef(r.first_approver_id, r.first_approver_name),
    referredToSenior: r.referred_to_senior,
    submittedAt: iso(r.submitted_at),
    dueAt: iso(r.due_at),
    deadline: deadlineState(r.status, r.due_at, now, dueSoonCutoff(now, ctx.timeZone)),
    bankAccount: r.account_id
      ? {
          id: r.account_id,
          holderName: r.holder_name ?? '',
          accountType: r.account_type === 'savings' ? 'savings' : 'checking',
          routingNumber: r.routing_number ?? '',
          last4: r.account_last4 ?? '',
          verificationState: r.verification_state === 'verified' ? 'verified' : 'unverified',
          createdAt: iso(r.account_created_at)!,
        }
      : null,
    documents: info.documents,
    infoExchanges: info.exchanges,
    infoAnsweredAt: iso(r.info_answered_at),
    allowedActions: allowedActions(
      {
        status: r.status,
        applicantId: r.applicant_id,
        assigneeId: r.assigned_to,
        firstApproverId: r.first_approver_id,
        referredToSenior: r.referred_to_senior,
      },
      viewer,
    ),
    otherRequests: others.map((o) => ({
      id: o.id,
      reference: o.reference,
      programName: { en: o.program_name, es: o.program_name_es },
      status: o.status,
      amountRequestedCents: Number(o.amount_requested_cents),
      submittedAt: iso(o.submitted_at),
      imported: origins.get(o.id) ?? null,
    })),
    riskLevel: r.risk_level,
    riskSignals: signals.map((s) => ({
      kind: s.kind as RiskSignalKind,
      level: s.level,
      explanation: s.explanation,
      data: s.data,
      computedAt: iso(s.computed_at),
    })),
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: personRef(e.actor_id, e.display_name),
      data: e.data,
      visibleToApplicant: e.visible_to_applicant,
      at: iso(e.created_at),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      author: { id: c.author_id, name: c.display_name },
      body: c.body,
      at: iso(c.created_at),
    })),
    auditTrail: audit.map((a) => ({
      id: Number(a.id),
      at: iso(a.at),
      actor: personRef(a.actor_id, a.display_name),
      action: a.action,
      data: a.data,
    })),
    payment: payment
      ? { id: payment.id, amountCents: Number(payment.amount_cents), status: payment.status }
      : null,
  };
}

export async function addComment(
  db: Kysely<Database>,
  requestId: string,
  author: { id: string; name: string; roles: readonly string[]; ip?: string | null },
  body: string,
) {
  return db.transaction().execute(async (trx) => {
    const r = await requests.requestBrief(trx, requestId);
    if (!r || r.status === 'draft')
      throw notFound('request.not_found', `There is no submitted request ${requestId}.`);
    const refusal = actionRefusal(
      'comment',
      {
        status: r.status,
        applicantId: r.applicant_id,
        assigneeId: r.assigned_to,
        firstApproverId: r.first_approver_id,
      },
      author,
    );
    if (refusal === 'own_request')
      throw forbidden(
        'request.own_request',
        `You applied for ${r.reference}, so you cannot work on it.`,
      );
    if (refusal)
      throw forbidden(
        'auth.role_required',
        'Only approvers and senior approvers comment on requests.',
      );
    const row = await repo.insertComment(trx, requestId, author.id, body);
    await recordRequestEvent(trx, {
      requestId,
      type: 'comment',
      actor: { id: author.id, kind: 'user' },
      data: { commentId: row.id },
      visibleToApplicant: false,
    });
    await auditUserChange(trx, author, 'request.comment', 'request', requestId, {
      reference: r.reference,
      commentId: row.id,
      length: body.length,
    });
    return {
      id: row.id,
      author: { id: author.id, name: author.name },
      body,
      at: new Date(row.created_at).toISOString(),
    };
  });
}

/** Shows the full account number once, and records who saw it in the audit log in the same transaction. */
export async function revealAccount(
  db: Kysely<Database>,
  requestId: string,
  viewer: { id: string; ip?: string | null },
  encryptionKey: Buffer,
) {
  return db.transaction().execute(async (trx) => {
    const r = await requests.requestBrief(trx, requestId);
    if (!r || r.status === 'draft')
      throw notFound('request.not_found', `There is no submitted request ${requestId}.`);
    if (r.applicant_id === viewer.id)
      throw forbidden(
        'request.own_request',
        `You applied for ${r.reference}, so you cannot work on it.`,
      );
    if (!r.payee_account_id)
      throw conflict('request.no_payee_account', `${r.reference} has no payee bank account.`);
    const a = await requests.sealedPayeeAccount(trx, r.payee_account_id);
    if (!a) throw conflict('request.no_payee_account', `${r.reference} has no payee bank account.`);
    const accountNumber = openField(a.account_number_enc, [fieldKey(encryptionKey)]);
    await auditUserChange(trx, viewer, 'payee_account.view_full', 'request', requestId, {
      reference: r.reference,
      payeeAccountId: a.id,
      last4: a.account_last4,
    });
    return { routingNumber: a.routing_number, accountNumber };
  });
}

/** Practice space: clearing the practice data deletes the comments on practice requests (practice module). */
export const deleteCommentsOfRequests = repo.deleteCommentsOfRequests;
