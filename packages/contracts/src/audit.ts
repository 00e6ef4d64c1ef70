import { z } from 'zod';

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
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}
