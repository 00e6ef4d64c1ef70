import { defineMessages } from '@hms/ui';

/** A request's status as the applicant reads it: internal steps (a second approval) read as plain "In review". */
export const statusMessages = defineMessages({
  en: {
    status_draft: 'Draft',
    status_submitted: 'Submitted',
    status_in_review: 'In review',
    status_needs_info: 'Information needed',
    status_awaiting_second_approval: 'In review',
    status_approved: 'Approved',
    status_rejected: 'Not approved',
    status_withdrawn: 'Withdrawn',
    status_payment_returned: 'Payment returned',
    status_paid: 'Paid',
  },
  es: {
    status_draft: 'Borrador',
    status_submitted: 'Enviada',
    status_in_review: 'En revisión',
    status_needs_info: 'Se necesita información',
    status_awaiting_second_approval: 'En revisión',
    status_approved: 'Aprobada',
    status_rejected: 'No aprobada',
    status_withdrawn: 'Retirada',
    status_payment_returned: 'Pago devuelto',
    status_paid: 'Pagada',
  },
});
