import type { ErrorCode, FieldErrorCode } from '@hms/contracts/error-codes';
import { formatCents } from './format.ts';
import type { Language } from './i18n.tsx';

/**
 * What the screens say for each API error code, in both languages. Typed against the code list in
 * @hms/contracts/error-codes: a new code without its English and Spanish message fails typecheck. Messages are
 * written for the reader (what happened, what to do), never the server's English title. `{name}` placeholders are
 * filled from the problem's `params`; amounts (`…Cents`) are formatted in the reader's language first.
 */
export const errorMessages: Record<Language, Record<ErrorCode, string>> = {
  en: {
    'validation.failed':
      'Some of the information needs fixing. Check what you entered and try again.',
    'validation.cursor_invalid':
      'This list could not be continued. Reload the page to start again.',
    'validation.date_range_reversed': 'The end date is before the start date. Change one of them.',
    'http.invalid_json': 'The information sent could not be read. Reload the page and try again.',
    'http.empty_body': 'Nothing was sent. Reload the page and try again.',
    'http.unsupported_media_type':
      'The information was sent in a form the service does not accept. Reload the page and try again.',
    'http.body_too_large': 'What you sent is too large. Send less at once.',
    'http.bad_request': 'The service could not process this. Reload the page and try again.',
    'http.route_not_found': 'We could not find what you asked for. Check the address.',
    'server.unavailable': 'The service is not available right now. Try again in a few minutes.',
    'server.internal':
      'Something went wrong on our side. Try again; if it keeps happening, contact support and quote {requestId}.',
    'auth.not_signed_in': 'You are not signed in, or your session ended. Sign in to continue.',
    'auth.sign_in_failed': 'The email or password is not right. Check them and try again.',
    'auth.too_many_attempts': 'There were too many attempts to sign in. Wait, then try again.',
    'auth.password_rejected': 'Choose a different password, as explained below.',
    'auth.role_required': 'Your account does not have permission to do this.',
    'auth.cross_site':
      'This request came from another site, so it was refused. Use HMS from its own address.',
    'auth.csrf_failed': 'Your page has expired. Reload the page and try again.',
    'auth.token_invalid': 'The access token is missing, wrong, expired or revoked.',
    'auth.token_scope_missing':
      'The access token does not allow this. Ask an administrator for one that does.',
    'auth.confirmation_invalid':
      'This confirmation link is wrong, already used or expired. Register again to get a new one.',
    'auth.throttle_not_found': 'No failed sign-ins are counted for this account any more.',
    'program.not_found': 'We could not find this program. Choose one from the list of programs.',
    'program.closed': 'This program is not accepting applications now. Any draft you have is kept.',
    'program.budget_exhausted':
      'This program has only {remainingCents} left. Ask for a smaller amount or come back later; your draft is kept.',
    'request.not_found':
      'We could not find this request. Check the link, or open it from your list of requests.',
    'request.already_submitted':
      'This application was already sent, so it can no longer be changed. Follow it from "My requests".',
    'request.stale_version':
      'This was changed on another device, in another tab or by someone else after you opened it, so your change was not saved. Reload the page to see the latest version, then make your change again.',
    'request.step_unknown': 'This step is not part of the application. Go back to the start.',
    'request.idempotency_key_reused':
      'This submission was already used for another application. Reload the page and submit again.',
    'request.declaration_required': 'Confirm the declaration before you submit.',
    'request.bank_account_missing': 'Give the bank account for the payment before you submit.',
    'request.not_eligible': 'From your answers, you do not meet the rules of this program.',
    'request.no_open_info_request':
      'There is no open question on this request, so there is nothing to answer.',
    'request.documents_not_attached':
      'Some files are not attached to this request. Upload them again, then send your answer.',
    'request.draft_not_deletable':
      'Only a draft can be deleted. This application was already sent; you can withdraw it instead.',
    'request.not_withdrawable':
      'This request can no longer be withdrawn: it was never sent, or a decision was already made.',
    'request.not_payment_returned':
      'A new bank account can be given only after the bank returned a payment.',
    'request.no_returned_payment': 'There is no returned payment on this request.',
    'request.return_not_account':
      'The payment was not returned because of the bank account. The agency will contact you.',
    'document.missing': 'Choose a file to upload.',
    'document.too_large': 'The file is too large. Choose a smaller file.',
    'document.type_not_accepted':
      'This type of file is not accepted. Upload a PDF, JPG or PNG file.',
    'document.form_files_draft_only':
      'Files for the application form can be added only before you send it.',
    'document.upload_closed':
      'Files can be added only to a draft, or when we have asked you for more information.',
    'document.not_found': 'We could not find this file.',
    'document.kept_with_request':
      'This file was sent with the request and is kept with it. It cannot be removed.',
    'request.own_request':
      'You applied for this request, so you cannot work on it. Another person must.',
    'request.no_payee_account':
      'This request has no bank account for the payment. Ask the applicant for one first.',
    'request.held_by_other':
      '{holder} is working on this request. Choose another one, or ask a senior approver to reassign it.',
    'request.already_yours': 'You are already working on this request.',
    'request.not_claimable':
      'This request cannot be taken now. Reload the list to see its current state.',
    'request.not_claimed': 'Nobody is working on this request, so there is nothing to release.',
    'request.not_assignable':
      'This request changed or cannot be reassigned now. Reload the page and try again.',
    'request.not_in_review':
      'You can ask for more information only while the request is in review. Reload the page to see its current state.',
    'request.not_decidable':
      'This request cannot be approved or rejected in its current state. Reload the page to see it.',
    'request.senior_only':
      'This request waits for a second approval, which only a senior approver can give.',
    'request.second_approver_same':
      'You gave the first approval, so a different senior approver must give the second.',
    'request.assignee_invalid': 'This person cannot take this request. Choose someone else.',
    'decision.amount_above_requested':
      'The amount is more than was requested. Approve at most {limitCents}.',
    'decision.amount_above_first_approval':
      'A second approval can confirm or lower the first approval, not raise it. Approve at most {limitCents}.',
    'decision.amount_above_program_max':
      'The amount is more than the program maximum. Approve at most {limitCents}.',
    'decision.amount_above_budget':
      'The amount is more than the program has left. Approve at most {limitCents}, or ask finance to extend the budget.',
    'notification.not_found': 'We could not find this notification.',
    'batch.not_found': 'We could not find this batch.',
    'batch.payments_not_batchable':
      'Some selected payments cannot be put in a batch. Reload the list and select only pending payments.',
    'batch.file_ids_exhausted':
      'No more files can be built today. Build the batch on the next business day.',
    'batch.not_built': 'Only a batch that was built and not yet released can be released.',
    'batch.dual_control': 'You built this batch, so another finance supervisor must release it.',
    'batch.release_conflict_of_interest':
      'You approved or applied for a payment in this batch, so another finance supervisor must release it.',
    'batch.effective_date_passed':
      'The payment date of this batch can no longer be met. Cancel it and build a new one.',
    'batch.not_cancellable': 'A released batch cannot be cancelled: it may already be at the bank.',
    'batch.not_released': 'The batch is not released yet, so there is no file to send.',
    'batch.not_settleable': 'Only a released batch can be marked settled.',
    'returns.file_unreadable':
      'This is not a bank file HMS can read. Ask the bank for the original file.',
    'returns.file_empty': 'The file holds no returned payments and no account corrections.',
    'noc.not_found': 'We could not find this account correction.',
    'noc.already_decided': 'This account correction was already applied or dismissed.',
    'noc.correction_invalid':
      'The corrected bank details are not valid. Dismiss this correction and contact the bank.',
    'token.not_found': 'We could not find this access token.',
    'token.already_revoked': 'This access token is already revoked. Create a new one instead.',
    'webhook.url_refused':
      'This address is not allowed: webhooks cannot go to internal, private or local addresses. Use the public HTTPS address of the receiving system.',
    'webhook.endpoint_not_found': 'We could not find this webhook endpoint.',
    'webhook.delivery_not_found': 'We could not find this delivery.',
    'webhook.delivery_queued':
      'This delivery is already waiting to be sent. Wait for that attempt.',
  },
  es: {
    'validation.failed':
      'Hay información que corregir. Revise lo que escribió e inténtelo de nuevo.',
    'validation.cursor_invalid':
      'No se pudo continuar esta lista. Vuelva a cargar la página para empezar de nuevo.',
    'validation.date_range_reversed':
      'La fecha final es anterior a la fecha inicial. Cambie una de las dos.',
    'http.invalid_json':
      'No se pudo leer la información enviada. Vuelva a cargar la página e inténtelo de nuevo.',
    'http.empty_body': 'No se envió nada. Vuelva a cargar la página e inténtelo de nuevo.',
    'http.unsupported_media_type':
      'La información se envió en un formato que el servicio no acepta. Vuelva a cargar la página e inténtelo de nuevo.',
    'http.body_too_large': 'Lo que envió es demasiado grande. Envíe menos de una vez.',
    'http.bad_request':
      'El servicio no pudo procesar esto. Vuelva a cargar la página e inténtelo de nuevo.',
    'http.route_not_found': 'No encontramos lo que buscaba. Revise la dirección.',
    'server.unavailable':
      'El servicio no está disponible en este momento. Inténtelo de nuevo en unos minutos.',
    'server.internal':
      'Algo salió mal de nuestro lado. Inténtelo de nuevo; si sigue pasando, contacte a soporte y mencione {requestId}.',
    'auth.not_signed_in':
      'No ha iniciado sesión, o su sesión terminó. Inicie sesión para continuar.',
    'auth.sign_in_failed':
      'El correo electrónico o la contraseña no son correctos. Revíselos e inténtelo de nuevo.',
    'auth.too_many_attempts':
      'Hubo demasiados intentos de iniciar sesión. Espere y vuelva a intentarlo.',
    'auth.password_rejected': 'Elija otra contraseña, como se explica abajo.',
    'auth.role_required': 'Su cuenta no tiene permiso para hacer esto.',
    'auth.cross_site':
      'Esta solicitud vino de otro sitio, así que fue rechazada. Use HMS desde su propia dirección.',
    'auth.csrf_failed': 'Su página caducó. Vuelva a cargarla e inténtelo de nuevo.',
    'auth.token_invalid': 'El token de acceso falta, es incorrecto, caducó o fue revocado.',
    'auth.token_scope_missing':
      'El token de acceso no permite esto. Pida a un administrador uno que lo permita.',
    'auth.confirmation_invalid':
      'Este enlace de confirmación es incorrecto, ya se usó o caducó. Regístrese de nuevo para recibir otro.',
    'auth.throttle_not_found': 'Ya no hay intentos fallidos contados para esta cuenta.',
    'program.not_found': 'No encontramos este programa. Elija uno de la lista de programas.',
    'program.closed':
      'Este programa no acepta solicitudes en este momento. Si tiene un borrador, se conserva.',
    'program.budget_exhausted':
      'A este programa solo le quedan {remainingCents}. Pida un monto menor o vuelva más tarde; su borrador se conserva.',
    'request.not_found':
      'No encontramos esta solicitud. Revise el enlace o ábrala desde su lista de solicitudes.',
    'request.already_submitted':
      'Esta solicitud ya fue enviada, así que ya no se puede cambiar. Siga su estado en "Mis solicitudes".',
    'request.stale_version':
      'Esto se cambió en otro dispositivo, en otra pestaña o por otra persona después de que lo abrió, así que su cambio no se guardó. Vuelva a cargar la página para ver la versión más reciente y haga su cambio de nuevo.',
    'request.step_unknown': 'Este paso no es parte de la solicitud. Vuelva al inicio.',
    'request.idempotency_key_reused':
      'Este envío ya se usó para otra solicitud. Vuelva a cargar la página y envíela de nuevo.',
    'request.declaration_required': 'Confirme la declaración antes de enviar.',
    'request.bank_account_missing': 'Indique la cuenta bancaria para el pago antes de enviar.',
    'request.not_eligible': 'Según sus respuestas, no cumple los requisitos de este programa.',
    'request.no_open_info_request':
      'No hay ninguna pregunta abierta en esta solicitud, así que no hay nada que responder.',
    'request.documents_not_attached':
      'Algunos archivos no están adjuntos a esta solicitud. Súbalos de nuevo y luego envíe su respuesta.',
    'request.draft_not_deletable':
      'Solo se puede eliminar un borrador. Esta solicitud ya se envió; puede retirarla.',
    'request.not_withdrawable':
      'Esta solicitud ya no se puede retirar: nunca se envió o ya se tomó una decisión.',
    'request.not_payment_returned':
      'Solo puede indicar una cuenta bancaria nueva después de que el banco devuelva un pago.',
    'request.no_returned_payment': 'No hay ningún pago devuelto en esta solicitud.',
    'request.return_not_account':
      'El pago no se devolvió por la cuenta bancaria. La agencia se comunicará con usted.',
    'document.missing': 'Elija un archivo para subir.',
    'document.too_large': 'El archivo es demasiado grande. Elija un archivo más pequeño.',
    'document.type_not_accepted':
      'No se acepta este tipo de archivo. Suba un archivo PDF, JPG o PNG.',
    'document.form_files_draft_only':
      'Los archivos del formulario solo se pueden agregar antes de enviar la solicitud.',
    'document.upload_closed':
      'Solo puede agregar archivos a un borrador, o cuando le pedimos más información.',
    'document.not_found': 'No encontramos este archivo.',
    'document.kept_with_request':
      'Este archivo se envió con la solicitud y se conserva con ella. No se puede quitar.',
    'request.own_request':
      'Usted presentó esta solicitud, así que no puede trabajar en ella. Debe hacerlo otra persona.',
    'request.no_payee_account':
      'Esta solicitud no tiene cuenta bancaria para el pago. Pídale una al solicitante primero.',
    'request.held_by_other':
      '{holder} está trabajando en esta solicitud. Elija otra, o pida a un aprobador sénior que la reasigne.',
    'request.already_yours': 'Usted ya está trabajando en esta solicitud.',
    'request.not_claimable':
      'Esta solicitud no se puede tomar ahora. Vuelva a cargar la lista para ver su estado actual.',
    'request.not_claimed':
      'Nadie está trabajando en esta solicitud, así que no hay nada que liberar.',
    'request.not_assignable':
      'Esta solicitud cambió o no se puede reasignar ahora. Vuelva a cargar la página e inténtelo de nuevo.',
    'request.not_in_review':
      'Solo puede pedir más información mientras la solicitud está en revisión. Vuelva a cargar la página para ver su estado actual.',
    'request.not_decidable':
      'Esta solicitud no se puede aprobar ni rechazar en su estado actual. Vuelva a cargar la página para verla.',
    'request.senior_only':
      'Esta solicitud espera una segunda aprobación, que solo puede dar un aprobador sénior.',
    'request.second_approver_same':
      'Usted dio la primera aprobación, así que otro aprobador sénior debe dar la segunda.',
    'request.assignee_invalid': 'Esta persona no puede tomar esta solicitud. Elija a otra.',
    'decision.amount_above_requested':
      'El monto es mayor que lo solicitado. Apruebe como máximo {limitCents}.',
    'decision.amount_above_first_approval':
      'Una segunda aprobación puede confirmar o reducir la primera, no aumentarla. Apruebe como máximo {limitCents}.',
    'decision.amount_above_program_max':
      'El monto es mayor que el máximo del programa. Apruebe como máximo {limitCents}.',
    'decision.amount_above_budget':
      'El monto es mayor que lo que le queda al programa. Apruebe como máximo {limitCents}, o pida a finanzas que amplíe el presupuesto.',
    'notification.not_found': 'No encontramos esta notificación.',
    'batch.not_found': 'No encontramos este lote.',
    'batch.payments_not_batchable':
      'Algunos pagos elegidos no se pueden poner en un lote. Vuelva a cargar la lista y elija solo pagos pendientes.',
    'batch.file_ids_exhausted':
      'Hoy no se pueden generar más archivos. Genere el lote el próximo día hábil.',
    'batch.not_built': 'Solo se puede liberar un lote generado que aún no se liberó.',
    'batch.dual_control':
      'Usted generó este lote, así que otro supervisor de finanzas debe liberarlo.',
    'batch.release_conflict_of_interest':
      'Usted aprobó o solicitó un pago de este lote, así que otro supervisor de finanzas debe liberarlo.',
    'batch.effective_date_passed':
      'Ya no se puede cumplir la fecha de pago de este lote. Cancélelo y genere uno nuevo.',
    'batch.not_cancellable':
      'Un lote liberado no se puede cancelar: puede que ya esté en el banco.',
    'batch.not_released': 'El lote aún no se liberó, así que no hay archivo para enviar.',
    'batch.not_settleable': 'Solo un lote liberado se puede marcar como liquidado.',
    'returns.file_unreadable':
      'Este no es un archivo bancario que HMS pueda leer. Pida al banco el archivo original.',
    'returns.file_empty': 'El archivo no tiene pagos devueltos ni correcciones de cuenta.',
    'noc.not_found': 'No encontramos esta corrección de cuenta.',
    'noc.already_decided': 'Esta corrección de cuenta ya se aplicó o se descartó.',
    'noc.correction_invalid':
      'Los datos bancarios corregidos no son válidos. Descarte esta corrección y contacte al banco.',
    'token.not_found': 'No encontramos este token de acceso.',
    'token.already_revoked': 'Este token de acceso ya fue revocado. Cree uno nuevo.',
    'webhook.url_refused':
      'Esta dirección no está permitida: los webhooks no pueden ir a direcciones internas, privadas o locales. Use la dirección HTTPS pública del sistema receptor.',
    'webhook.endpoint_not_found': 'No encontramos este destino de webhook.',
    'webhook.delivery_not_found': 'No encontramos esta entrega.',
    'webhook.delivery_queued': 'Esta entrega ya está esperando para enviarse. Espere ese intento.',
  },
};

/** What a form shows for the common field failures, in both languages (typed against the field code list). */
export const fieldErrorMessages: Record<Language, Record<FieldErrorCode, string>> = {
  en: {
    'field.required': 'Enter this information.',
    'field.invalid': 'Check this value.',
    'field.too_short': 'Enter at least {minimum} characters.',
    'field.too_long': 'Enter at most {maximum} characters.',
    'field.too_small': 'Enter a number of at least {minimum}.',
    'field.too_large': 'Enter a number of at most {maximum}.',
    'field.too_few': 'Choose at least {minimum}.',
    'field.too_many': 'Choose at most {maximum}.',
    'field.invalid_format': 'Check the format of this value.',
    'field.invalid_choice': 'Choose one of the options.',
    'field.control_characters': 'Remove the special control characters from this text.',
  },
  es: {
    'field.required': 'Escriba esta información.',
    'field.invalid': 'Revise este valor.',
    'field.too_short': 'Escriba al menos {minimum} caracteres.',
    'field.too_long': 'Escriba como máximo {maximum} caracteres.',
    'field.too_small': 'Escriba un número de al menos {minimum}.',
    'field.too_large': 'Escriba un número de como máximo {maximum}.',
    'field.too_few': 'Elija al menos {minimum}.',
    'field.too_many': 'Elija como máximo {maximum}.',
    'field.invalid_format': 'Revise el formato de este valor.',
    'field.invalid_choice': 'Elija una de las opciones.',
    'field.control_characters': 'Quite los caracteres de control especiales de este texto.',
  },
};

type HeadingKey =
  | 'invalid'
  | 'signIn'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'file'
  | 'tooMany'
  | 'unavailable'
  | 'generic';

/** The alert heading, from the status family: short, in the reader's language, never the server's title. */
const headings: Record<Language, Record<HeadingKey, string>> = {
  en: {
    invalid: 'Check your information',
    signIn: 'Sign in to continue',
    forbidden: 'You cannot do this',
    notFound: 'Not found',
    conflict: 'This could not be done',
    file: 'This file was not accepted',
    tooMany: 'Too many attempts',
    unavailable: 'Service not available',
    generic: 'Something went wrong',
  },
  es: {
    invalid: 'Revise su información',
    signIn: 'Inicie sesión para continuar',
    forbidden: 'No puede hacer esto',
    notFound: 'No se encontró',
    conflict: 'No se pudo hacer',
    file: 'No se aceptó este archivo',
    tooMany: 'Demasiados intentos',
    unavailable: 'Servicio no disponible',
    generic: 'Algo salió mal',
  },
};

function headingKey(status: number): HeadingKey {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 401) return 'signIn';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 413 || status === 415) return 'file';
  if (status === 429) return 'tooMany';
  if (status === 503) return 'unavailable';
  return 'generic';
}

export type ProblemParamValues = Record<string, string | number>;

function fill(template: string, params: ProblemParamValues | undefined, language: Language) {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === '') return match;
    return typeof v === 'number' && name.endsWith('Cents') ? formatCents(v, language) : String(v);
  });
}

/** A catalog message with every placeholder filled, or undefined when a param it needs is missing. */
function filled(template: string | undefined, params: unknown, language: Language) {
  if (template === undefined) return undefined;
  const text = fill(template, isParams(params) ? params : undefined, language);
  return /\{\w+\}/.test(text) ? undefined : text;
}

function isParams(value: unknown): value is ProblemParamValues {
  return typeof value === 'object' && value !== null;
}

const hasCode = <K extends string>(catalog: Record<K, string>, code: unknown): code is K =>
  typeof code === 'string' && Object.hasOwn(catalog, code);

/** Duck-typed on the problem+json fields so the UI package does not depend on the API client. */
export interface ProblemLike {
  code?: unknown;
  params?: unknown;
  status?: unknown;
}

/**
 * The heading and message a screen shows for an API problem, in the reader's language: the catalog message for
 * its code, or a generic message for its status when the code is unknown (an older server, a proxy's error page).
 */
export function problemText(
  error: unknown,
  language: Language,
): { heading: string; message: string } {
  const problem = (typeof error === 'object' && error !== null ? error : {}) as ProblemLike;
  const status = typeof problem.status === 'number' ? problem.status : 0;
  const catalog = errorMessages[language];
  const message =
    (hasCode(catalog, problem.code)
      ? filled(catalog[problem.code], problem.params, language)
      : undefined) ?? genericMessages[language][headingKey(status)];
  return { heading: headings[language][headingKey(status)], message };
}

const genericMessages: Record<Language, Record<HeadingKey, string>> = {
  en: {
    invalid: 'Some information needs fixing. Check it and try again.',
    signIn: 'You are not signed in, or your session ended. Sign in to continue.',
    forbidden: 'Your account does not have permission to do this.',
    notFound: 'We could not find what you asked for.',
    conflict:
      'This could not be done now. Reload the page to see the latest version and try again.',
    file: 'Choose another file and try again.',
    tooMany: 'Wait a moment, then try again.',
    unavailable: 'The service is not available right now. Try again in a few minutes.',
    generic: 'Please try again. If the problem continues, try again later.',
  },
  es: {
    invalid: 'Hay información que corregir. Revísela e inténtelo de nuevo.',
    signIn: 'No ha iniciado sesión, o su sesión terminó. Inicie sesión para continuar.',
    forbidden: 'Su cuenta no tiene permiso para hacer esto.',
    notFound: 'No encontramos lo que buscaba.',
    conflict:
      'Esto no se pudo hacer ahora. Vuelva a cargar la página para ver la versión más reciente e inténtelo de nuevo.',
    file: 'Elija otro archivo e inténtelo de nuevo.',
    tooMany: 'Espere un momento y vuelva a intentarlo.',
    unavailable:
      'El servicio no está disponible en este momento. Inténtelo de nuevo en unos minutos.',
    generic: 'Inténtelo de nuevo. Si el problema continúa, inténtelo más tarde.',
  },
};

/**
 * What a form shows beside a field the server refused: the catalog message for the field's code in the reader's
 * language, else the server's own message (specific refusals carry no code and are written in the language of the
 * person's profile).
 */
export function fieldErrorText(
  error: { message: string; code?: unknown; params?: unknown },
  language: Language,
): string {
  const catalog = fieldErrorMessages[language];
  return (
    (hasCode(catalog, error.code)
      ? filled(catalog[error.code], error.params, language)
      : undefined) ?? error.message
  );
}
