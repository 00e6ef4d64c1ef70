import type { Kysely, Transaction } from 'kysely';
import type { RequestStatus } from '@hms/contracts/requests';
import type { InboxItem, InboxListResponse, AssignmentResponse } from '@hms/contracts/inbox';
import type { inboxQuerySchema } from '@hms/contracts/inbox';
import type { z } from 'zod';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { auditUserChange } from '../../platform/audit.ts';
import { recordRequestEvent } from '../notifications/service.ts';
import { startOfZonedDay } from '@hms/contracts/business-days';
import { deadlineState, dueSoonCutoff } from './deadline.ts';

// The review deadline rule is shared with the review screen.
export { deadlineState, dueSoonCutoff };
import * as requests from '../applications/service.ts';
import { escapeLike } from '../../platform/db/like.ts';
import * as imports from '../imports/service.ts';
import * as auth from '../auth/service.ts';
import * as readModels from '../read-models/service.ts';
import {
  actionRefusal,
  allowedActions,
  assigneeRefusal,
  type RuleRequest,
} from '@hms/contracts/request-rules';
import { iso } from '../../platform/response-fields.ts';

type Query = z.output<typeof inboxQuerySchema>;

export interface Actor {
  id: string;
  roles: readonly string[];
  ip?: string | null;
}

/** A change of who holds a request: its staff-only step and its audit entry, in the caller's transaction. */
async function recordHolderChange(
  trx: Transaction<Database>,
  actor: Actor,
  c: {
    requestId: string;
    type: 'claimed' | 'released' | 'reassigned';
    fromStatus: RequestStatus;
    toStatus: RequestStatus;
    data?: Record<string, unknown>;
    audit: {
      action: 'request.claim' | 'request.release' | 'request.reassign';
      data: Record<string, unknown>;
    };
  },
): Promise<void> {
  await recordRequestEvent(trx, {
    requestId: c.requestId,
    type: c.type,
    actor: { id: actor.id, kind: 'user' },
    fromStatus: c.fromStatus,
    toStatus: c.toStatus,
    ...(c.data ? { data: c.data } : {}),
    visibleToApplicant: false,
  });
  await auditUserChange(trx, actor, c.audit.action, 'request', c.requestId, c.audit.data);
}

const ruleRequest = (r: {
  status: RuleRequest['status'];
  applicant_id: string;
  assigned_to: string | null;
  first_approver_id: string | null;
  referred_to_senior: boolean;
}): RuleRequest => ({
  status: r.status,
  applicantId: r.applicant_id,
  assigneeId: r.assigned_to,
  firstApproverId: r.first_approver_id,
  referredToSenior: r.referred_to_senior,
});

function encodeCursor(sort: string, c: readModels.InboxSortCursor): string {
  return Buffer.from(JSON.stringify({ s: sort, v: c.v, id: c.id })).toString('base64url');
}

function decodeCursor(raw: string, sort: string): readModels.InboxSortCursor {
  const fail = () =>
    badRequest('validation.cursor_invalid', 'The cursor is not valid.', [
      {
        field: 'query.cursor',
        message:
          'Use nextCursor from the previous page exactly as returned, with the same sort; leave cursor out for the first page.',
      },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  const p = parsed as { s?: unknown; v?: unknown; id?: unknown };
  const idOk = typeof p.id === 'string' && /^[0-9a-f-]{36}$/.test(p.id);
  const vOk =
    p.v === null ||
    (typeof p.v === 'number' && Number.isSafeInteger(p.v)) ||
    (typeof p.v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(p.v));
  if (p.s !== sort || !idOk || !vOk) throw fail();
  return { v: p.v as readModels.InboxSortCursor['v'], id: p.id as string };
}

/** Search text: a reference prefix when it looks like one (HMS-…), otherwise an applicant-name prefix. */
function searchOf(q: string | undefined): { reference?: string; namePrefix?: string } {
  const t = q?.trim();
  if (!t) return {};
  if (/^hms[-\s]?/i.test(t) || /^[0-9A-Z]{4,}-/.test(t))
    return { reference: escapeLike(t.toUpperCase().replace(/\s/g, '-')) };
  return { namePrefix: escapeLike(t.toLowerCase()) };
}

export function buildFilter(
  q: Query,
  userId: string,
  now: Date,
  timeZone: string,
): readModels.InboxListFilter {
  return {
    queue: q.queue,
    userId,
    programId: q.programId,
    status: q.status,
    risk: q.risk,
    minAmountCents: q.minAmountCents,
    maxAmountCents: q.maxAmountCents,
    submittedFrom: q.submittedFrom ? startOfZonedDay(q.submittedFrom, timeZone) : undefined,
    submittedBefore: q.submittedTo ? startOfZonedDay(q.submittedTo, timeZone, 1) : undefined,
    deadline: q.deadline,
    dueSoonCutoff: dueSoonCutoff(now, timeZone),
    now,
    ...searchOf(q.q),
  };
}

export async function list(
  db: Kysely<Database>,
  q: Query,
  viewer: Actor,
  timeZone: string,
  now = new Date(),
): Promise<InboxListResponse> {
  const after = q.cursor ? decodeCursor(q.cursor, q.sort) : null;
  const filter = buildFilter(q, viewer.id, now, timeZone);
  const rows = await readModels.inboxQueue(db, filter, q.sort, after, q.limit);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const [origins, estimates] = await Promise.all([
    imports.requestOrigins(
      db,
      page.map((r) => r.id),
    ),
    readModels.requestEstimates(
      db,
      page.map((r) => r.id),
      timeZone,
      now,
    ),
  ]);
  const items: InboxItem[] = page.map((r) => ({
    id: r.id,
    reference: r.reference,
    programId: r.program_id,
    programName: { en: r.program_name, es: r.program_name_es },
    applicantName: r.applicant_name,
    status: r.status,
    amountRequestedCents: Number(r.amount_requested_cents),
    approvedAmountCents: r.approved_amount_cents === null ? null : Number(r.approved_amount_cents),
    riskLevel: r.risk_level,
    assignee: r.assigned_to ? { id: r.assigned_to, name: r.assignee_name ?? '' } : null,
    submittedAt: iso(r.submitted_at),
    dueAt: iso(r.due_at),
    deadline: deadlineState(r.status, r.due_at, now, filter.dueSoonCutoff),
    version: r.version,
    applicantId: r.applicant_id,
    firstApproverId: r.first_approver_id,
    referredToSenior: r.referred_to_senior,
    infoAnsweredAt: iso(r.info_answered_at),
    allowedActions: allowedActions(ruleRequest(r), viewer),
    practice: r.practice,
    imported: origins.get(r.id) ?? null,
    estimate: estimates.get(r.id) ?? null,
  }));
  return {
    items,
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor(q.sort, {
            v:
              typeof last.sort_key === 'string' || last.sort_key === null
                ? last.sort_key
                : Number(last.sort_key),
            id: last.id,
          })
        : null,
  };
}

type HolderRow = NonNullable<Awaited<ReturnType<typeof requests.requestForAssignment>>>;

/**
 * A change of who holds a request (claim, release, reassign): one transaction that starts from the request as it is
 * (404 when there is none).
 */
function changeHolder(
  db: Kysely<Database>,
  id: string,
  change: (trx: Transaction<Database>, before: HolderRow) => Promise<AssignmentResponse>,
): Promise<AssignmentResponse> {
  return db.transaction().execute(async (trx) => {
    const before = await requests.requestForAssignment(trx, id);
    if (!before) throw requests.staffRequestNotFound(id);
    return change(trx, before);
  });
}

export function claim(db: Kysely<Database>, id: string, actor: Actor): Promise<AssignmentResponse> {
  return changeHolder(db, id, async (trx, before) => {
    switch (actionRefusal('claim', ruleRequest(before), actor)) {
      case 'role':
        throw forbidden(
          'auth.role_required',
          'Only approvers and senior approvers claim requests.',
        );
      case 'own_request':
        throw forbidden(
          'request.own_request',
          `You applied for ${before.reference}, so you cannot work on it. Another approver must take it.`,
        );
      case 'needs_senior':
        throw forbidden(
          'request.senior_only',
          `${before.reference} waits for a second approval, which only a senior approver can give.`,
        );
      case 'first_approver':
        throw forbidden(
          'request.second_approver_same',
          `You gave the first approval of ${before.reference}; a different senior approver must give the second.`,
        );
      case 'referred_to_senior':
        throw forbidden(
          'request.referred_to_senior',
          `A decision rule referred ${before.reference} to a senior approver: only a senior approver can take it.`,
        );
      default:
      // Held or closed: the conditional write below refuses it with the state it finds, which is the latest.
    }
    const row = await requests.claimForReview(trx, id, actor.id);
    if (!row) {
      const now = await requests.requestForAssignment(trx, id);
      if (now?.assigned_to)
        throw now.assigned_to === actor.id
          ? conflict('request.already_yours', `You already have ${now.reference}.`, {
              reference: now.reference,
            })
          : conflict(
              'request.held_by_other',
              `${now.reference} is already claimed by ${now.assignee_name}. Pick another request, or ask a senior approver to reassign it.`,
              { reference: now.reference, holder: now.assignee_name ?? '' },
            );
      throw conflict(
        'request.not_claimable',
        `${before.reference} is ${now?.status ?? before.status} and cannot be claimed; only submitted requests and those awaiting a second approval can.`,
      );
    }
    await recordHolderChange(trx, actor, {
      requestId: id,
      type: 'claimed',
      fromStatus: before.status,
      toStatus: row.status,
      audit: {
        action: 'request.claim',
        data: {
          reference: before.reference,
          fromStatus: before.status,
          toStatus: row.status,
          version: row.version,
        },
      },
    });
    const name = await auth.displayNameOf(trx, actor.id);
    return {
      id,
      status: row.status,
      version: row.version,
      assignee: { id: actor.id, name: name ?? '' },
    };
  });
}

export function release(
  db: Kysely<Database>,
  id: string,
  actor: Actor,
): Promise<AssignmentResponse> {
  return changeHolder(db, id, async (trx, before) => {
    const refusal = actionRefusal('release', ruleRequest(before), actor);
    if (refusal === 'role' || refusal === 'own_request')
      throw forbidden('request.own_request', `You cannot work on ${before.reference}.`);
    if (refusal === 'status')
      throw conflict(
        'request.not_claimed',
        `${before.reference} is ${before.status}; there is nothing to release.`,
        { reference: before.reference },
      );
    if (refusal && before.assigned_to)
      throw conflict(
        'request.held_by_other',
        `${before.reference} is claimed by ${before.assignee_name}, not you; only they (or a senior approver, by reassigning) can release it.`,
        { reference: before.reference, holder: before.assignee_name ?? '' },
      );
    if (refusal)
      throw conflict('request.not_claimed', `${before.reference} is not claimed by anyone.`, {
        reference: before.reference,
      });
    const row = await requests.releaseFromReview(trx, id, actor.id);
    if (!row)
      throw conflict(
        'request.stale_version',
        `${before.reference} changed while you released it. Reload and try again.`,
      );
    await recordHolderChange(trx, actor, {
      requestId: id,
      type: 'released',
      fromStatus: before.status,
      toStatus: row.status,
      audit: {
        action: 'request.release',
        data: { reference: before.reference, version: row.version },
      },
    });
    return { id, status: row.status, version: row.version, assignee: null };
  });
}

export function reassign(
  db: Kysely<Database>,
  id: string,
  assigneeId: string,
  actor: Actor,
): Promise<AssignmentResponse> {
  return changeHolder(db, id, async (trx, before) => {
    const rules = ruleRequest(before);
    switch (actionRefusal('reassign', rules, actor)) {
      case null:
        break;
      case 'own_request':
        throw forbidden(
          'request.own_request',
          `You applied for ${before.reference}, so you cannot assign it.`,
        );
      case 'status':
        throw conflict(
          'request.not_assignable',
          `${before.reference} is ${before.status}; only open requests can be reassigned.`,
        );
      default:
        throw forbidden('auth.role_required', 'Only senior approvers reassign requests.');
    }
    const target = await auth.staffMember(trx, assigneeId);
    const field = (message: string) =>
      badRequest('request.assignee_invalid', message, [{ field: 'body.assigneeId', message }], {
        reference: before.reference,
      });
    const notStaff = () =>
      field(
        'assigneeId must be the id of an approver or senior approver (see GET /api/inbox/approvers).',
      );
    if (!target) throw notStaff();
    switch (assigneeRefusal(rules, target)) {
      case null:
        break;
      case 'not_staff':
        throw notStaff();
      case 'applicant':
        throw field(
          `${target.name} applied for ${before.reference} and cannot be assigned to it. Choose someone else.`,
        );
      case 'needs_second_senior':
        throw field(
          `${before.reference} needs its second approval from a senior approver other than the first approver.`,
        );
      case 'needs_senior':
        throw field(
          `A decision rule referred ${before.reference} to a senior approver: assign it to a senior approver.`,
        );
      case 'already_assigned':
        throw field(`${target.name} already holds ${before.reference}. Choose someone else.`);
    }
    const row = await requests.reassignReview(trx, id, before.assigned_to, assigneeId);
    if (!row)
      throw conflict(
        'request.not_assignable',
        `${before.reference} changed while you reassigned it (or is ${before.status}, which cannot be assigned). Reload and try again.`,
      );
    await recordHolderChange(trx, actor, {
      requestId: id,
      type: 'reassigned',
      fromStatus: before.status,
      toStatus: row.status,
      data: { from: before.assigned_to, to: assigneeId, toName: target.name },
      audit: {
        action: 'request.reassign',
        data: {
          reference: before.reference,
          from: before.assigned_to,
          to: assigneeId,
          version: row.version,
        },
      },
    });
    return {
      id,
      status: row.status,
      version: row.version,
      assignee: { id: target.id, name: target.name },
    };
  });
}

export async function approvers(db: Kysely<Database>) {
  return { items: await auth.listApprovers(db) };
}
