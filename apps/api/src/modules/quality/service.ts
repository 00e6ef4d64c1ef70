import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { wilsonInterval } from '@hms/contracts/agreement-interval';
import type {
  AgreementRates,
  AgreementStat,
  BlindRequest,
  Disagreements,
  QualityQueue,
  QualitySharesList,
  RecheckBody,
  RecheckResult,
  UpdateQualitySharesBody,
} from '@hms/contracts/quality';
import { SHARE_BASIS_POINTS_MAX } from '@hms/contracts/quality';
import { recheckRefusal, type RecheckRefusal } from '@hms/contracts/quality-rules';
import type { Database } from '../../platform/db/schema.ts';
import { auditUserChange } from '../../platform/audit.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import * as programs from '../programs/service.ts';
import * as review from '../review/service.ts';
import * as repo from './repo.ts';
import { iso } from '../../platform/response-fields.ts';

type Trx = Transaction<Database>;

export interface QualityActor {
  id: string;
  roles: readonly string[];
  ip?: string | null;
}

/**
 * A final decision as the decisions module records it. `deciderId` is the person (null for an approval made by a
 * decision rule, then `rule` says which); `firstApproverId` is the first of two approvals above the threshold.
 */
export interface RecordedDecision {
  decisionId: string;
  requestId: string;
  programId: string;
  kind: 'approve' | 'reject' | 'request_info';
  toStatus: string;
  approvedAmountCents: number | null;
  deciderId: string | null;
  firstApproverId?: string | null;
  rule?: {
    versionId: string;
    version?: number | null;
    ruleId: string;
    position: number;
  } | null;
  at?: Date;
}

/** Uniform in [0, 10000) from the operating system's CSPRNG: nobody can predict or steer which decision is drawn. */
const drawBasisPoint = () => randomInt(0, SHARE_BASIS_POINTS_MAX);

/**
 * Draws a final decision into the quality sample with its program's share, in the caller's transaction: the sample
 * exists exactly when the decision does. Only outcomes count (approved or rejected); a first approval, a request for
 * information or a return are steps, not decisions. Returns the sample id, or null when not drawn.
 */
export async function drawForDecision(
  trx: Trx,
  d: RecordedDecision,
  draw: () => number = drawBasisPoint,
): Promise<string | null> {
  const outcome =
    d.kind === 'approve' && d.toStatus === 'approved'
      ? 'approve'
      : d.kind === 'reject' && d.toStatus === 'rejected'
        ? 'reject'
        : null;
  if (!outcome) return null;
  const automated = d.deciderId === null;
  if (automated && !d.rule) return null;
  const shares = await repo.sharesOfProgram(trx, d.programId);
  const share = shares ? (automated ? shares.automated_bp : shares.human_bp) : 0;
  if (share <= 0 || draw() >= share) return null;
  return repo.insertSample(trx, {
    decision_id: d.decisionId,
    request_id: d.requestId,
    program_id: d.programId,
    source: automated ? 'automated' : 'human',
    outcome,
    amount_cents: outcome === 'approve' ? d.approvedAmountCents : null,
    decider_id: d.deciderId,
    first_approver_id: d.firstApproverId ?? null,
    rule_version_id: d.rule?.versionId ?? null,
    rule_version: d.rule?.version ?? null,
    rule_id: d.rule?.ruleId ?? null,
    rule_position: d.rule?.position ?? null,
    share_bp: share,
    decided_at: d.at ?? new Date(),
    ...(d.at ? { drawn_at: d.at } : {}),
  });
}

export async function listShares(db: Kysely<Database>): Promise<QualitySharesList> {
  const [all, rows] = await Promise.all([programs.programsWithPractice(db), repo.shareRows(db)]);
  const byProgram = new Map(rows.map((r) => [r.program_id, r]));
  return {
    items: all.map((p) => {
      const s = byProgram.get(p.id);
      return {
        programId: p.id,
        programName: p.name_en,
        humanShareBasisPoints: s?.human_bp ?? 0,
        automatedShareBasisPoints: s?.automated_bp ?? 0,
        changedBy: s?.changed_by ? { id: s.changed_by, name: s.changed_by_name ?? '' } : null,
        changedAt: s ? iso(s.changed_at) : null,
      };
    }),
  };
}

export async function setShares(
  db: Kysely<Database>,
  programId: string,
  body: UpdateQualitySharesBody,
  actor: QualityActor,
): Promise<QualitySharesList['items'][number]> {
  await db.transaction().execute(async (trx) => {
    const program = (await programs.programsWithPractice(trx)).find((p) => p.id === programId);
    if (!program)
      throw notFound('program.not_found', `There is no program ${programId}. Reload the list.`);
    const before = await repo.sharesOfProgram(trx, programId);
    await repo.upsertShares(trx, {
      program_id: programId,
      human_bp: body.humanShareBasisPoints,
      automated_bp: body.automatedShareBasisPoints,
      changed_by: actor.id,
    });
    await auditUserChange(trx, actor, 'quality.shares_changed', 'program', programId, {
      program: program.name_en,
      humanShareBasisPoints: { before: before?.human_bp ?? 0, after: body.humanShareBasisPoints },
      automatedShareBasisPoints: {
        before: before?.automated_bp ?? 0,
        after: body.automatedShareBasisPoints,
      },
    });
  });
  const saved = (await listShares(db)).items.find((s) => s.programId === programId);
  return saved!;
}

const facts = (s: {
  applicant_id: string;
  decider_id: string | null;
  first_approver_id: string | null;
  recheck_id?: string | null;
}) => ({
  applicantId: s.applicant_id,
  deciderIds: [s.decider_id, s.first_approver_id],
  rechecked: Boolean(s.recheck_id),
});

export async function queue(db: Kysely<Database>, viewer: QualityActor): Promise<QualityQueue> {
  const rows = await repo.pendingSamples(db);
  return {
    items: rows.map((s) => ({
      sampleId: s.id,
      reference: s.reference,
      program: { id: s.program_id, name: s.program_name },
      amountRequestedCents: Number(s.amount_requested_cents),
      drawnAt: iso(s.drawn_at),
      refusal: recheckRefusal(facts(s), viewer),
    })),
  };
}

function refusalProblem(why: RecheckRefusal, reference: string) {
  switch (why) {
    case 'role':
      return forbidden(
        'auth.role_required',
        'Only approvers and senior approvers re-check samples.',
      );
    case 'own_request':
      return forbidden(
        'quality.own_request',
        `You applied for ${reference}, so you cannot re-check its decision. Another approver must.`,
      );
    case 'original_decider':
      return forbidden(
        'quality.original_decider',
        `You took part in the decision on ${reference}, so you cannot re-check it: a check of oneself is no check. Another approver must.`,
      );
    case 'already_rechecked':
      return conflict(
        'quality.already_rechecked',
        `The decision on ${reference} was re-checked already; each sample is re-decided once.`,
        { reference },
      );
  }
}

const sampleNotFound = (id: string) =>
  notFound(
    'quality.sample_not_found',
    `There is no quality sample ${id}. Go back to the quality-check queue.`,
  );

/**
 * The sampled request as its decider saw it: answers, amount, masked account, documents and risk signals, and
 * nothing of the outcome (status, approved amount, decider, rule, timeline, comments, audit trail, payment).
 */
export async function blindRequest(
  db: Kysely<Database>,
  sampleId: string,
  viewer: QualityActor,
  ctx: review.ReviewContext,
): Promise<BlindRequest> {
  const s = await repo.sampleForRecheck(db, sampleId, false);
  if (!s) throw sampleNotFound(sampleId);
  const refusal = recheckRefusal(facts(s), viewer);
  if (refusal === 'role') throw refusalProblem(refusal, s.reference);
  const d = await review.detail(db, s.request_id, viewer, ctx);
  return {
    sampleId: s.id,
    reference: d.reference,
    program: { id: d.program.id, name: d.program.name, maxAmountCents: d.program.maxAmountCents },
    applicantName: d.applicant.name,
    submittedAt: d.submittedAt,
    answers: d.answers,
    questionSet: d.questionSet,
    amountRequestedCents: d.amountRequestedCents,
    bankAccount: d.bankAccount
      ? {
          holderName: d.bankAccount.holderName,
          accountType: d.bankAccount.accountType,
          last4: d.bankAccount.last4,
        }
      : null,
    documents: d.documents.map((doc) => ({
      id: doc.id,
      fileName: doc.fileName,
      contentType: doc.contentType,
      url: doc.url,
    })),
    riskLevel: d.riskLevel,
    riskSignals: d.riskSignals,
    refusal,
  };
}

type RecheckedRow = Awaited<ReturnType<typeof repo.rechecked>>[number];

function toResult(r: RecheckedRow): RecheckResult {
  return {
    sampleId: r.id,
    reference: r.reference,
    agrees: r.agrees,
    original: {
      outcome: r.outcome,
      source: r.source,
      amountCents: r.amount_cents === null ? null : Number(r.amount_cents),
      decidedBy: r.decider_id ? { id: r.decider_id, name: r.decider_name ?? '' } : null,
      rule: r.rule_version_id
        ? {
            versionId: r.rule_version_id,
            version: r.rule_version,
            ruleId: r.rule_id,
            position: r.rule_position,
          }
        : null,
      decidedAt: iso(r.decided_at),
    },
    recheck: {
      outcome: r.recheck_outcome,
      note: r.note,
      by: { id: r.reviewer_id, name: r.reviewer_name },
      at: iso(r.rechecked_at),
    },
  };
}

/** Records the blind re-decision once, by someone who took no part in the original, and reveals the original. */
export async function recheck(
  db: Kysely<Database>,
  sampleId: string,
  body: RecheckBody,
  actor: QualityActor,
): Promise<RecheckResult> {
  await db.transaction().execute(async (trx) => {
    const s = await repo.sampleForRecheck(trx, sampleId, true);
    if (!s) throw sampleNotFound(sampleId);
    const refusal = recheckRefusal(facts(s), actor);
    if (refusal) throw refusalProblem(refusal, s.reference);
    const agrees = body.outcome === s.outcome;
    const note = (body.note ?? '').trim();
    await repo.insertRecheck(trx, {
      sample_id: s.id,
      reviewer_id: actor.id,
      outcome: body.outcome,
      agrees,
      note,
    });
    await auditUserChange(trx, actor, 'quality.rechecked', 'request', s.request_id, {
      reference: s.reference,
      sampleId: s.id,
      outcome: body.outcome,
      agrees,
    });
  });
  const [row] = await repo.rechecked(db, { sampleId });
  return toResult(row!);
}

export async function disagreements(
  db: Kysely<Database>,
  programId?: string,
): Promise<Disagreements> {
  const rows = await repo.rechecked(db, {
    disagreeing: true,
    ...(programId ? { programId } : {}),
  });
  return {
    items: rows.map((r) => ({
      ...toResult(r),
      program: { id: r.program_id, name: r.program_name },
    })),
  };
}

function stat(checked: number, agreed: number): AgreementStat {
  return { checked, agreed, ...wilsonInterval(agreed, checked) };
}

/**
 * Agreement per program, for human decisions and automated approvals apart (they answer different questions: are
 * the people consistent, is the rule right) and per rule version, each with its Wilson 95 % interval.
 */
export async function agreementRates(db: Kysely<Database>): Promise<AgreementRates> {
  const rows = await repo.agreementCounts(db);
  const out = new Map<string, AgreementRates['programs'][number]>();
  const sums = new Map<string, Record<'all' | 'human' | 'automated', [number, number]>>();
  for (const r of rows) {
    const checked = Number(r.checked);
    const agreed = Number(r.agreed);
    if (!out.has(r.program_id)) {
      out.set(r.program_id, {
        programId: r.program_id,
        programName: r.program_name,
        all: stat(0, 0),
        human: stat(0, 0),
        automated: stat(0, 0),
        ruleVersions: [],
      });
      sums.set(r.program_id, { all: [0, 0], human: [0, 0], automated: [0, 0] });
    }
    const s = sums.get(r.program_id)!;
    for (const k of ['all', r.source] as const) {
      s[k][0] += checked;
      s[k][1] += agreed;
    }
    if (r.source === 'automated' && r.rule_version_id)
      out.get(r.program_id)!.ruleVersions.push({
        ruleVersionId: r.rule_version_id,
        version: r.rule_version,
        ...stat(checked, agreed),
      });
  }
  for (const [id, p] of out) {
    const s = sums.get(id)!;
    p.all = stat(...s.all);
    p.human = stat(...s.human);
    p.automated = stat(...s.automated);
    p.ruleVersions.sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
  }
  return { programs: [...out.values()] };
}

/** Practice space: clearing the practice data deletes the samples of practice requests (practice module). */
export const deleteSamplesOfRequests = repo.deleteOfRequests;
