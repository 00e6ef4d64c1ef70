import type { AuditAction } from './audit.ts';
import {
  auditActionLabels,
  requestStatusLabels,
  type AudienceLabel,
  type Label,
} from './labels.ts';
import type { RequestEventType } from './request-events.ts';

/**
 * Part of the one label catalog (./labels.ts): the plain-language names of a request's timeline events, for staff and
 * for the applicant. In a file of its own so pages that show only a status do not download them.
 *
 * Staff read a step in the words of its audit entry, so the timeline and the audit log name it alike from one place;
 * a step that ends in a status (approved, rejected, paid) reads as that status.
 */
function asAudited(
  action: AuditAction,
  applicant: Label = auditActionLabels[action],
): AudienceLabel {
  return { staff: auditActionLabels[action], applicant };
}

export const requestEventLabels: Record<RequestEventType, AudienceLabel> = {
  draft_created: asAudited('request.draft_created', {
    en: 'You started the application',
    es: 'Comenzó la solicitud',
  }),
  submitted: asAudited('request.submitted'),
  claimed: asAudited('request.claim', { en: 'Review started', es: 'Comenzó la revisión' }),
  released: asAudited('request.release', {
    en: 'Waiting for a reviewer',
    es: 'Esperando a un revisor',
  }),
  reassigned: asAudited('request.reassign', {
    en: 'Review continues',
    es: 'La revisión continúa',
  }),
  first_approval: {
    staff: {
      en: 'First approval given, waiting for a second approver',
      es: 'Primera aprobación dada, falta un segundo aprobador',
    },
    applicant: { en: 'First approval given', es: 'Primera aprobación dada' },
  },
  approved: requestStatusLabels.approved,
  rejected: requestStatusLabels.rejected,
  info_requested: asAudited('request.decision.request_info', {
    en: 'More information needed',
    es: 'Se necesita más información',
  }),
  info_provided: asAudited('request.info_provided', {
    en: 'You answered our request for information',
    es: 'Respondió a nuestra solicitud de información',
  }),
  withdrawn: asAudited('request.withdrawn', {
    en: 'You withdrew the request',
    es: 'Retiró la solicitud',
  }),
  comment: asAudited('request.comment', { en: 'Note added', es: 'Nota añadida' }),
  payment_created: asAudited('payment.create'),
  payment_sent: {
    staff: { en: 'Payment sent to the bank', es: 'Pago enviado al banco' },
    applicant: { en: 'Payment sent to your bank', es: 'Pago enviado a su banco' },
  },
  payment_returned: {
    staff: { en: 'The bank returned the payment', es: 'El banco devolvió el pago' },
    applicant: { en: 'Your bank returned the payment', es: 'Su banco devolvió el pago' },
  },
  account_updated: {
    staff: {
      en: 'The applicant gave a new bank account',
      es: 'El solicitante indicó una nueva cuenta bancaria',
    },
    applicant: { en: 'You gave a new bank account', es: 'Indicó una nueva cuenta bancaria' },
  },
  paid: requestStatusLabels.paid,
  risk_updated: {
    staff: { en: 'Risk check updated', es: 'Revisión de riesgo actualizada' },
    applicant: { en: 'Update', es: 'Actualización' },
  },
};
