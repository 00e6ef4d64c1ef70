import { z } from 'zod';
import { pageQueryFields } from './pagination.ts';

/**
 * Every action written to the audit log (`audit_log.action`). The API's appendAudit only accepts these, and each has
 * a plain-language label in ./labels.ts, so a new action cannot reach a staff screen as a bare code.
 */
export const auditActions = [
  'auth.register',
  'auth.register_existing_email',
  'auth.throttle_cleared',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'user.update_profile',
  'seed.demo_user',
  'request.draft_created',
  'request.draft_saved',
  'request.draft_deleted',
  'request.bank_account_set',
  'request.submitted',
  'request.withdrawn',
  'request.info_provided',
  'request.claim',
  'request.release',
  'request.reassign',
  'request.comment',
  'request.decision.approve',
  'request.decision.reject',
  'request.decision.request_info',
  'document.uploaded',
  'document.deleted',
  'payee_account.replaced',
  'payee_account.view_full',
  'payment.create',
  'batch.built',
  'batch.downloaded',
  'batch.released',
  'batch.settled',
  'batch.cancelled',
  'returns.imported',
  'noc.applied',
  'noc.dismissed',
  'service_token.created',
  'service_token.rotated',
  'service_token.revoked',
  'webhook_endpoint.created',
  'webhook_endpoint.disabled',
  'webhook_delivery.redelivered',
  // Practice space (issue 11 item 9).
  'practice.program_copied',
  'practice.program_marked',
  'practice.requests_created',
  'practice.cleared',
  'request.practice_created',
  'program.created',
  'program.draft_saved',
  'program.publish_requested',
  'program.publish_withdrawn',
  'program.published',
  'program.opened',
  'program.closed',
  'program.archived',
  'decision_rules.draft_created',
  'decision_rules.draft_saved',
  'decision_rules.published',
  'decision_rules.automation_changed',
  'settings.updated',
  'audit_log.exported',
  'email.retried',
  'staff.invited',
  'staff.invitation_resent',
  'staff.invitation_revoked',
  'staff.invitation_accepted',
  'staff.roles_changed',
  'staff.deactivated',
  'staff.reactivated',
  'import.completed',
  'import.rejected',
  'export.completed',
  'export.full_account_numbers',
  'reconciliation.exception_resolved',
  // Quality sampling (issue 14).
  'quality.shares_changed',
  'quality.rechecked',
  // Saved simulation scenarios (issue 14 part 3).
  'simulation.scenario_saved',
  'simulation.scenario_renamed',
  'simulation.scenario_deleted',
  'simulation.scenario_drafted',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateField = (name: 'from' | 'to') =>
  z
    .string()
    .regex(DATE, { error: `${name} must be a date written YYYY-MM-DD.` })
    .optional()
    .describe(
      name === 'from'
        ? 'first day (in the agency time zone) of entries to show'
        : 'last day (in the agency time zone) of entries to show, inclusive',
    );

/**
 * The audit log search (admin): who (actor: an email, a name or part of one, or a user id), what (action), which
 * record (entity type and id) and when (from/to days). Every filter is optional; the CSV export takes the same ones.
 */
export const auditFiltersSchema = z.object({
  actor: z
    .string()
    .trim()
    .max(200, { error: 'actor must be at most 200 characters.' })
    .optional()
    .describe('email, name (or part of one) or user id of who acted'),
  action: auditActionSchema.optional(),
  entityType: z
    .string()
    .trim()
    .max(100, { error: 'entityType must be at most 100 characters.' })
    .optional()
    .describe('kind of record, e.g. ach_batch, request, agency_settings'),
  entityId: z
    .string()
    .trim()
    .max(200, { error: 'entityId must be at most 200 characters.' })
    .optional()
    .describe('id of the record'),
  from: dateField('from'),
  to: dateField('to'),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditQuerySchema = auditFiltersSchema.extend(
  pageQueryFields({ defaultLimit: 50, maxLimit: 200 }),
);
export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  /** Position in the hash chain (1, 2, 3, …). */
  id: z.number().int(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(['user', 'system', 'token', 'anonymous']),
    id: z.string().nullable(),
    /** The person's name and email when the actor is a user still on file. */
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /** The next (older) page, or null on the last page. */
  nextCursor: z.string().nullable(),
  /** The previous (newer) page, or null on the first page. */
  prevCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The hash chain's state, computed now (the same check as `pnpm hms audit verify`). */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  /** Entries checked (when intact). */
  count: z.number().int().nullable(),
  /** The first broken entry (when not intact). */
  brokenAtId: z.number().int().nullable(),
  /** The command's sentence: how many entries were verified, or the first broken link and what kind of break. */
  text: z.string(),
  checkedAt: z.string(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
