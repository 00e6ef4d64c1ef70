import type { AccountType } from './applications.ts';
import type { AuditAction } from './audit.ts';
import type { BatchStatus } from './batches.ts';
import type { LocalizedText } from './language.ts';
import type { RequestStatus } from './requests.ts';
import type { PaymentStatus } from './payments.ts';
import type { NocStatus } from './returns.ts';
import type { PayeeVerificationState } from './review.ts';
import type { RiskLevel, RiskSignalKind } from './risk.ts';

/**
 * The one catalog of plain-language names for the codes the API stores (states, timeline events, audit actions, risk
 * signals), in English and Spanish. Each table is a Record over its enum, so a new code without a label in both
 * languages is a type error, not a raw `in_review` on a screen. Screens read `label[language]`; the API uses the same
 * words where it writes text for people (risk explanations).
 *
 * Part of the catalog lives in files of its own so a page downloads only the words it shows (a module is bundled
 * whole): the timeline's event names are in ./request-event-labels.ts, so a list that shows only a status tag (the
 * citizen's first pages) does not carry them.
 *
 * Every label is laid out the same way, its English line above its Spanish one, so a translation is checked line
 * against line and a long label does not read differently from a short one.
 */
export type Label = LocalizedText;

/** The same code read by staff and by the applicant: internal steps (a second approval, a claim) read plainly. */
export interface AudienceLabel {
  staff: Label;
  applicant: Label;
}

/** A code both audiences read in the same words. */
export function forEveryone(en: string, es: string): AudienceLabel {
  return { staff: { en, es }, applicant: { en, es } };
}

export const requestStatusLabels: Record<RequestStatus, AudienceLabel> = {
  draft: forEveryone('Draft', 'Borrador'),
  submitted: forEveryone('Submitted', 'Enviada'),
  in_review: forEveryone('In review', 'En revisión'),
  needs_info: {
    staff: {
      en: 'Waiting for citizen',
      es: 'Esperando al ciudadano',
    },
    applicant: {
      en: 'Information needed',
      es: 'Se necesita información',
    },
  },
  awaiting_second_approval: {
    staff: {
      en: 'Awaiting second approval',
      es: 'Esperando segunda aprobación',
    },
    applicant: {
      en: 'In review',
      es: 'En revisión',
    },
  },
  approved: forEveryone('Approved', 'Aprobada'),
  rejected: {
    staff: {
      en: 'Rejected',
      es: 'Rechazada',
    },
    applicant: {
      en: 'Not approved',
      es: 'No aprobada',
    },
  },
  withdrawn: forEveryone('Withdrawn', 'Retirada'),
  payment_returned: forEveryone('Payment returned', 'Pago devuelto'),
  paid: forEveryone('Paid', 'Pagada'),
};

/** Audit log entries are staff-only. */
export const auditActionLabels: Record<AuditAction, Label> = {
  'auth.register': {
    en: 'Account created',
    es: 'Cuenta creada',
  },
  'auth.register_existing_email': {
    en: 'Registration tried with an existing email (owner told by email)',
    es: 'Intento de registro con un correo ya registrado (se avisó al titular)',
  },
  'auth.throttle_cleared': {
    en: 'Sign-in wait cleared by an administrator',
    es: 'Espera de inicio de sesión anulada por un administrador',
  },
  'auth.sign_in': {
    en: 'Signed in',
    es: 'Inició sesión',
  },
  'auth.sign_in_failed': {
    en: 'Failed sign-in attempt',
    es: 'Intento de inicio de sesión fallido',
  },
  'auth.sign_out': {
    en: 'Signed out',
    es: 'Cerró sesión',
  },
  'user.update_profile': {
    en: 'Profile updated',
    es: 'Perfil actualizado',
  },
  'seed.demo_user': {
    en: 'Demo user created',
    es: 'Usuario de demostración creado',
  },
  'request.draft_created': {
    en: 'Application started',
    es: 'Solicitud iniciada',
  },
  'request.draft_saved': {
    en: 'Answers saved',
    es: 'Respuestas guardadas',
  },
  'request.draft_deleted': {
    en: 'Draft deleted',
    es: 'Borrador eliminado',
  },
  'request.bank_account_set': {
    en: 'Bank account given',
    es: 'Cuenta bancaria indicada',
  },
  'request.submitted': {
    en: 'Application submitted',
    es: 'Solicitud enviada',
  },
  'request.withdrawn': {
    en: 'Withdrawn by the applicant',
    es: 'Retirada por el solicitante',
  },
  'request.info_provided': {
    en: 'The applicant answered the request for information',
    es: 'El solicitante respondió a la solicitud de información',
  },
  'request.claim': {
    en: 'Taken for review',
    es: 'Tomada para revisión',
  },
  'request.release': {
    en: 'Put back in the queue',
    es: 'Devuelta a la cola',
  },
  'request.reassign': {
    en: 'Given to another reviewer',
    es: 'Asignada a otro revisor',
  },
  'request.comment': {
    en: 'Internal comment added',
    es: 'Comentario interno añadido',
  },
  'request.decision.approve': {
    en: 'Approval recorded',
    es: 'Aprobación registrada',
  },
  'request.decision.reject': {
    en: 'Rejection recorded',
    es: 'Rechazo registrado',
  },
  'request.decision.request_info': {
    en: 'More information asked of the applicant',
    es: 'Se pidió más información al solicitante',
  },
  'document.uploaded': {
    en: 'File uploaded',
    es: 'Archivo subido',
  },
  'document.deleted': {
    en: 'File deleted',
    es: 'Archivo eliminado',
  },
  'payee_account.replaced': {
    en: 'Bank account replaced after a returned payment',
    es: 'Cuenta bancaria sustituida tras un pago devuelto',
  },
  'payee_account.view_full': {
    en: 'Full account number viewed',
    es: 'Número de cuenta completo consultado',
  },
  'payment.create': {
    en: 'Payment prepared',
    es: 'Pago preparado',
  },
  'batch.built': {
    en: 'Payment batch built',
    es: 'Lote de pagos creado',
  },
  'batch.downloaded': {
    en: 'Payment file downloaded',
    es: 'Archivo de pagos descargado',
  },
  'batch.released': {
    en: 'Payment batch released',
    es: 'Lote de pagos liberado',
  },
  'batch.settled': {
    en: 'Payment batch settled',
    es: 'Lote de pagos liquidado',
  },
  'batch.cancelled': {
    en: 'Payment batch cancelled',
    es: 'Lote de pagos cancelado',
  },
  'returns.imported': {
    en: 'Bank returns imported',
    es: 'Devoluciones del banco importadas',
  },
  'noc.applied': {
    en: 'Bank correction applied to the account',
    es: 'Corrección del banco aplicada a la cuenta',
  },
  'noc.dismissed': {
    en: 'Bank correction dismissed',
    es: 'Corrección del banco descartada',
  },
  'reconciliation.exception_resolved': {
    en: 'Reconciliation exception resolved by hand',
    es: 'Excepción de conciliación resuelta a mano',
  },
  'quality.shares_changed': {
    en: 'Quality sampling shares changed',
    es: 'Porcentajes de muestreo de calidad cambiados',
  },
  'quality.rechecked': {
    en: 'Sampled decision re-checked blind',
    es: 'Decisión de la muestra revisada a ciegas',
  },
  'simulation.scenario_saved': {
    en: 'Simulation scenario saved',
    es: 'Escenario de simulación guardado',
  },
  'simulation.scenario_renamed': {
    en: 'Simulation scenario renamed',
    es: 'Escenario de simulación renombrado',
  },
  'simulation.scenario_deleted': {
    en: 'Simulation scenario deleted',
    es: 'Escenario de simulación eliminado',
  },
  'simulation.scenario_drafted': {
    en: 'Simulation scenario turned into a draft program version',
    es: 'Escenario de simulación convertido en borrador de versión del programa',
  },
  'program.created': {
    en: 'Program created',
    es: 'Programa creado',
  },
  'program.draft_saved': {
    en: 'Program draft saved',
    es: 'Borrador del programa guardado',
  },
  'program.publish_requested': {
    en: 'Program publication requested',
    es: 'Publicación del programa solicitada',
  },
  'program.publish_withdrawn': {
    en: 'Program publication request withdrawn',
    es: 'Solicitud de publicación del programa retirada',
  },
  'program.published': {
    en: 'Program version published',
    es: 'Versión del programa publicada',
  },
  'program.opened': {
    en: 'Program opened',
    es: 'Programa abierto',
  },
  'program.closed': {
    en: 'Program closed',
    es: 'Programa cerrado',
  },
  'program.archived': {
    en: 'Program archived',
    es: 'Programa archivado',
  },
  'decision_rules.draft_created': {
    en: 'Decision rules draft created',
    es: 'Borrador de reglas de decisión creado',
  },
  'decision_rules.draft_saved': {
    en: 'Decision rules draft saved',
    es: 'Borrador de reglas de decisión guardado',
  },
  'decision_rules.published': {
    en: 'Decision rules published (live)',
    es: 'Reglas de decisión publicadas (en vigor)',
  },
  'decision_rules.automation_changed': {
    en: 'Automated approvals switched on or off',
    es: 'Aprobaciones automáticas activadas o desactivadas',
  },
  'service_token.created': {
    en: 'Service token created',
    es: 'Token de servicio creado',
  },
  'service_token.rotated': {
    en: 'Service token rotated',
    es: 'Token de servicio renovado',
  },
  'service_token.revoked': {
    en: 'Service token revoked',
    es: 'Token de servicio revocado',
  },
  'webhook_endpoint.created': {
    en: 'Webhook endpoint added',
    es: 'Destino de webhook añadido',
  },
  'webhook_endpoint.disabled': {
    en: 'Webhook endpoint disabled',
    es: 'Destino de webhook desactivado',
  },
  'webhook_delivery.redelivered': {
    en: 'Webhook delivery sent again',
    es: 'Entrega de webhook enviada de nuevo',
  },
  'practice.program_copied': {
    en: 'Practice copy of a program made',
    es: 'Copia de práctica de un programa creada',
  },
  'practice.program_marked': {
    en: 'Program marked or unmarked practice',
    es: 'Programa marcado o desmarcado de práctica',
  },
  'practice.requests_created': {
    en: 'Practice requests created',
    es: 'Solicitudes de práctica creadas',
  },
  'practice.cleared': {
    en: 'Practice data cleared',
    es: 'Datos de práctica borrados',
  },
  'request.practice_created': {
    en: 'Practice request generated',
    es: 'Solicitud de práctica generada',
  },
  'settings.updated': {
    en: 'Agency settings changed',
    es: 'Ajustes de la agencia cambiados',
  },
  'audit_log.exported': {
    en: 'Audit log exported to CSV',
    es: 'Registro de auditoría exportado a CSV',
  },
  'email.retried': {
    en: 'Dead email sent again',
    es: 'Correo muerto enviado de nuevo',
  },
  'staff.invited': {
    en: 'Staff member invited',
    es: 'Persona del personal invitada',
  },
  'staff.invitation_resent': {
    en: 'Staff invitation sent again',
    es: 'Invitación reenviada',
  },
  'staff.invitation_revoked': {
    en: 'Staff invitation revoked',
    es: 'Invitación revocada',
  },
  'staff.invitation_accepted': {
    en: 'Staff invitation accepted (password set)',
    es: 'Invitación aceptada (contraseña creada)',
  },
  'staff.roles_changed': {
    en: 'Staff roles changed',
    es: 'Roles del personal cambiados',
  },
  'staff.deactivated': {
    en: 'Staff member deactivated',
    es: 'Persona del personal desactivada',
  },
  'staff.reactivated': {
    en: 'Staff member reactivated',
    es: 'Persona del personal reactivada',
  },
  'import.completed': {
    en: 'File imported',
    es: 'Archivo importado',
  },
  'import.rejected': {
    en: 'File import refused (rows rejected)',
    es: 'Importación de archivo rechazada (filas rechazadas)',
  },
  'export.completed': {
    en: 'File exported (account numbers masked)',
    es: 'Archivo exportado (números de cuenta ocultos)',
  },
  'export.full_account_numbers': {
    en: 'File exported WITH FULL ACCOUNT NUMBERS',
    es: 'Archivo exportado CON NÚMEROS DE CUENTA COMPLETOS',
  },
};

export const paymentStatusLabels: Record<PaymentStatus, Label> = {
  pending: {
    en: 'Waiting to be batched',
    es: 'Pendiente de incluir en un lote',
  },
  prenote_sent: {
    en: 'Test entry sent to the bank, waiting',
    es: 'Prenotificación enviada al banco, en espera',
  },
  batched: {
    en: 'In a batch',
    es: 'En un lote',
  },
  released: {
    en: 'Sent to the bank',
    es: 'Enviado al banco',
  },
  settled: {
    en: 'Paid (settled)',
    es: 'Pagado (liquidado)',
  },
  returned: {
    en: 'Returned by the bank',
    es: 'Devuelto por el banco',
  },
  cancelled: {
    en: 'Cancelled',
    es: 'Cancelado',
  },
};

export const batchStatusLabels: Record<BatchStatus, Label> = {
  built: {
    en: 'Built, awaiting release',
    es: 'Creado, esperando liberación',
  },
  released: {
    en: 'Released',
    es: 'Liberado',
  },
  settled: {
    en: 'Settled',
    es: 'Liquidado',
  },
  cancelled: {
    en: 'Cancelled',
    es: 'Cancelado',
  },
};

/** A bank's notification of change (NOC): a correction to an account, waiting for finance to apply or dismiss it. */
export const nocStatusLabels: Record<NocStatus, Label> = {
  pending: {
    en: 'Waiting for a decision',
    es: 'Esperando una decisión',
  },
  applied: {
    en: 'Applied to the account',
    es: 'Aplicada a la cuenta',
  },
  dismissed: {
    en: 'Dismissed',
    es: 'Descartada',
  },
};

export const payeeVerificationLabels: Record<PayeeVerificationState, Label> = {
  unverified: {
    en: 'Not yet confirmed with the bank',
    es: 'Aún no confirmada con el banco',
  },
  verified: {
    en: 'Confirmed with the bank',
    es: 'Confirmada con el banco',
  },
};

export const accountTypeLabels: Record<AccountType, Label> = {
  checking: {
    en: 'Checking',
    es: 'Cuenta corriente',
  },
  savings: {
    en: 'Savings',
    es: 'Cuenta de ahorros',
  },
};

export const riskLevelLabels: Record<RiskLevel, Label> = {
  none: {
    en: 'No risk signals',
    es: 'Sin señales de riesgo',
  },
  low: {
    en: 'Low risk',
    es: 'Riesgo bajo',
  },
  medium: {
    en: 'Medium risk',
    es: 'Riesgo medio',
  },
  high: {
    en: 'High risk',
    es: 'Riesgo alto',
  },
};

/** The signal's name; the sentence that explains one occurrence is built from its data in ./risk-explanation.ts. */
export const riskSignalLabels: Record<RiskSignalKind, Label> = {
  shared_bank_account: {
    en: 'Bank account also used by another applicant',
    es: 'Cuenta bancaria usada también por otro solicitante',
  },
  amount_outlier: {
    en: 'Unusual amount',
    es: 'Importe inusual',
  },
  high_velocity: {
    en: 'Many requests in a short time',
    es: 'Muchas solicitudes en poco tiempo',
  },
  duplicate_request: {
    en: 'Possible duplicate request',
    es: 'Posible solicitud duplicada',
  },
  bank_account_changed: {
    en: 'Bank account changed',
    es: 'Cuenta bancaria cambiada',
  },
};
