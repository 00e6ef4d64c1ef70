import { forEveryone, type AudienceLabel } from './labels.ts';
import type { RequestEventType } from './request-events.ts';

/**
 * Part of the one label catalog (./labels.ts): the plain-language names of a request's timeline events, for staff and
 * for the applicant. In a file of its own so pages that show only a status do not download them.
 */
export const requestEventLabels: Record<RequestEventType, AudienceLabel> = {
  draft_created: {
    staff: { en: 'Application started', es: 'Solicitud iniciada' },
    applicant: { en: 'You started the application', es: 'Comenzó la solicitud' },
  },
  submitted: forEveryone('Application submitted', 'Solicitud enviada'),
  claimed: {
    staff: { en: 'Taken for review', es: 'Tomada para revisión' },
    applicant: { en: 'Review started', es: 'Comenzó la revisión' },
  },
  released: {
    staff: { en: 'Put back in the queue', es: 'Devuelta a la cola' },
    applicant: { en: 'Waiting for a reviewer', es: 'Esperando a un revisor' },
  },
  reassigned: {
    staff: { en: 'Given to another reviewer', es: 'Asignada a otro revisor' },
    applicant: { en: 'Review continues', es: 'La revisión continúa' },
  },
  first_approval: {
    staff: {
      en: 'First approval given, waiting for a second approver',
      es: 'Primera aprobación dada, falta un segundo aprobador',
    },
    applicant: { en: 'First approval given', es: 'Primera aprobación dada' },
  },
  approved: forEveryone('Approved', 'Aprobada'),
  rejected: {
    staff: { en: 'Rejected', es: 'Rechazada' },
    applicant: { en: 'Not approved', es: 'No aprobada' },
  },
  info_requested: {
    staff: {
      en: 'More information asked of the applicant',
      es: 'Se pidió más información al solicitante',
    },
    applicant: { en: 'More information needed', es: 'Se necesita más información' },
  },
  info_provided: {
    staff: {
      en: 'The applicant answered the request for information',
      es: 'El solicitante respondió a la solicitud de información',
    },
    applicant: {
      en: 'You answered our request for information',
      es: 'Respondió a nuestra solicitud de información',
    },
  },
  withdrawn: {
    staff: { en: 'Withdrawn by the applicant', es: 'Retirada por el solicitante' },
    applicant: { en: 'You withdrew the request', es: 'Retiró la solicitud' },
  },
  comment: {
    staff: { en: 'Internal comment added', es: 'Comentario interno añadido' },
    applicant: { en: 'Note added', es: 'Nota añadida' },
  },
  payment_created: forEveryone('Payment prepared', 'Pago preparado'),
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
  paid: forEveryone('Paid', 'Pagada'),
  risk_updated: {
    staff: { en: 'Risk check updated', es: 'Revisión de riesgo actualizada' },
    applicant: { en: 'Update', es: 'Actualización' },
  },
};
