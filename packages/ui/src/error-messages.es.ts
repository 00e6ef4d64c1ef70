import type { ErrorCode, FieldErrorCode } from '@hms/contracts/error-codes';

/**
 * The Spanish half of the error message catalog (see ./error-messages.ts for how it is used and loaded). Typed against
 * the code list in @hms/contracts/error-codes: a new code without its message fails typecheck. Loaded only when a
 * screen first needs an error message in this language, so it is never part of a page's first download.
 */
export const errorMessages: Record<ErrorCode, string> = {
  'validation.failed': 'Hay información que corregir. Revise lo que escribió e inténtelo de nuevo.',
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
  'auth.not_signed_in': 'No ha iniciado sesión, o su sesión terminó. Inicie sesión para continuar.',
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
  'auth.token_expired': 'Este token de servicio venció. Pida uno nuevo a un administrador de HMS.',
  'auth.token_scope_missing':
    'El token de acceso no permite esto. Pida a un administrador uno que lo permita.',
  'auth.confirmation_invalid':
    'Este enlace de confirmación es incorrecto, ya se usó o caducó. Regístrese de nuevo para recibir otro.',
  'auth.throttle_not_found': 'Ya no hay intentos fallidos contados para esta cuenta.',
  'program.not_found': 'No encontramos este programa. Elija uno de la lista de programas.',
  'program.slug_taken': 'Otro programa ya usa esta dirección web. Elija otra.',
  'program.not_published': 'Este programa aún no se ha publicado. Publíquelo primero.',
  'program.archived': 'Este programa está archivado y ya no se puede cambiar.',
  'program.checklist_incomplete':
    'El programa aún no puede publicarse. Corrija los puntos de la lista de verificación.',
  'program.publish_pending':
    'Ya hay una solicitud de publicación esperando aprobación. Apruébela o retírela primero.',
  'program.no_publish_request': 'No hay ninguna solicitud de publicación esperando aprobación.',
  'program.own_publish_request':
    'Usted pidió publicar este cambio, así que debe aprobarlo otro administrador.',
  'program.version_not_found': 'No encontramos esa versión del programa.',
  'program.version_is_live': 'Esa versión ya está publicada. Elija una anterior.',
  'program.closes_before_today':
    'Indique una fecha de cierre de hoy en adelante y luego abra el programa.',
  'program.draft_has_changes':
    'El programa ya tiene un borrador con cambios sin publicar. Confirme que el escenario debe reemplazarlo.',
  'decision_rules.version_not_found':
    'No encontramos esta versión de las reglas. Vuelva a cargar la página.',
  'decision_rules.not_draft':
    'Esta versión ya no es un borrador, así que no puede cambiar. Empiece un nuevo borrador a partir de ella.',
  'decision_rules.draft_exists':
    'Este programa ya tiene un borrador de sus reglas. Abra y cambie ese borrador.',
  'decision_rules.no_test_cases':
    'Añada al menos un caso de prueba antes de poner las reglas en vigor.',
  'decision_rules.test_cases_failing':
    'Algunos casos de prueba no obtienen el resultado esperado. Corrija las reglas o los casos y vuelva a publicar.',
  'decision_rules.rule_errors':
    'Algunas reglas leen respuestas que el programa no tiene, o de una forma en que no se pueden leer. Corrija las reglas indicadas.',
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
  'import.file_missing': 'Elija un archivo CSV o Excel para revisar.',
  'import.file_too_large':
    'El archivo tiene más de {megabytes} MB. Divídalo o impórtelo con el comando hms import.',
  'import.file_unreadable':
    'El archivo no se puede leer como CSV ni como libro de Excel. Guárdelo como CSV (UTF-8) o como .xlsx, con una fila de encabezados, y vuelva a elegirlo.',
  'import.error_file_gone':
    'El archivo de errores ya no está disponible. Revise el archivo otra vez para obtener uno nuevo.',
  'import.job_gone':
    'Esta revisión o importación ya no se conoce (el servidor se reinició, o tiene más de una hora), y ninguna importación terminada tiene su número. No se importó nada con ella. Elija el archivo y vuelva a ejecutarla.',
  'import.job_failed':
    'La revisión o importación se detuvo por una falla inesperada. No se importó nada. Vuelva a ejecutarla; si falla otra vez, comuníquese con soporte.',
  'import.already_running':
    'Hay otra importación en curso. Solo se ejecuta una importación a la vez: espere a que termine y luego importe este archivo. Mientras tanto puede revisar archivos.',
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
  'request.referred_to_senior':
    'Una regla de decisión envió esta solicitud a un aprobador sénior. Solo un aprobador sénior puede tomarla o decidir sobre ella.',
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
  'batch.not_cancellable': 'Un lote liberado no se puede cancelar: puede que ya esté en el banco.',
  'batch.not_released': 'El lote aún no se liberó, así que no hay archivo para enviar.',
  'batch.not_settleable': 'Solo un lote liberado se puede marcar como liquidado.',
  'returns.file_unreadable':
    'Este no es un archivo bancario que HMS pueda leer. Pida al banco el archivo original.',
  'returns.file_empty': 'El archivo no tiene pagos devueltos ni correcciones de cuenta.',
  'noc.not_found': 'No encontramos esta corrección de cuenta.',
  'noc.already_decided': 'Esta corrección de cuenta ya se aplicó o se descartó.',
  'noc.correction_invalid':
    'Los datos bancarios corregidos no son válidos. Descarte esta corrección y contacte al banco.',
  'reconciliation.exception_not_found':
    'Esta excepción ya no está abierta (se resolvió o alguien la resolvió). Vuelva a cargar la lista.',
  'reconciliation.exception_not_resolvable':
    'Esta excepción se resuelve con su propia acción (liquidar el lote, decidir la corrección), no a mano.',
  'token.not_found': 'No encontramos este token de acceso.',
  'token.already_revoked': 'Este token de acceso ya fue revocado. Cree uno nuevo.',
  'token.expired': 'Este token de acceso venció. Cree uno nuevo en lugar de rotarlo.',
  'webhook.url_refused':
    'Esta dirección no está permitida: los webhooks no pueden ir a direcciones internas, privadas o locales. Use la dirección HTTPS pública del sistema receptor.',
  'webhook.endpoint_not_found': 'No encontramos este destino de webhook.',
  'webhook.delivery_not_found': 'No encontramos esta entrega.',
  'webhook.delivery_queued': 'Esta entrega ya está esperando para enviarse. Espere ese intento.',
  'practice.program_not_practice':
    'Este programa no es de práctica. Elija un programa marcado de práctica o haga primero una copia de práctica.',
  'practice.program_has_requests':
    'Este programa ya tiene solicitudes reales, así que no puede marcarse de práctica. Haga una copia de práctica.',
  'practice.program_has_practice_requests':
    'Este programa todavía tiene solicitudes de práctica. Bórrelas primero y luego desmárquelo.',
  'practice.answers_not_generated':
    'HMS no pudo inventar respuestas que cumplan el formulario y las reglas de este programa. Revise las preguntas indicadas o use otro programa.',
  'simulation.scenario_not_found':
    'No encontramos este escenario guardado. Puede que se haya eliminado. Elija otro de la lista.',
  'simulation.scenario_name_taken':
    'Este programa ya tiene un escenario guardado con ese nombre. Elija otro nombre.',
  'simulation.compare_same_scenario': 'Elija dos escenarios distintos para compararlos.',
  'simulation.compare_programs_differ':
    'Estos escenarios son de programas distintos. Elija dos escenarios del mismo programa.',
  'simulation.compare_periods_differ':
    'Estos escenarios cubren períodos distintos. Elija dos escenarios del mismo período.',
  'quality.sample_not_found':
    'No encontramos esta muestra de calidad. Vuelva a la cola de control de calidad y elija otra.',
  'quality.original_decider':
    'Usted tomó esta decisión (o dio su primera aprobación), así que otra persona debe revisarla.',
  'quality.own_request': 'Usted presentó esta solicitud, así que otra persona debe revisarla.',
  'quality.already_rechecked':
    'Otra persona ya revisó esta muestra. Vuelva a la cola para ver las que siguen pendientes.',
  'settings.stale_version':
    'Otra persona cambió los ajustes después de que usted abrió esta página. Vuelva a cargar la página para ver su cambio y haga el suyo de nuevo.',
  'email.not_found': 'No encontramos este correo en la bandeja.',
  'email.not_dead':
    'Solo se puede volver a enviar un correo que HMS dejó de intentar. Este está en cola o ya se envió.',
  'staff.not_found':
    'No encontramos a esta persona del personal. Vuelva a la lista e inténtelo de nuevo.',
  'staff.email_taken':
    'Ya existe una cuenta con este correo. Búsquela en la lista del personal o use otro correo.',
  'staff.roles_required': 'Elija al menos un rol.',
  'staff.roles_separation_of_duties':
    'Una misma persona no puede aprobar solicitudes y liberar pagos. Quite el rol de aprobador o aprobador sénior, o el de supervisor de finanzas.',
  'staff.roles_citizen_with_staff':
    'Una cuenta de ciudadano no puede tener también un rol del personal. Invite a la persona con un correo de trabajo.',
  'staff.last_admin':
    'Usted es el último administrador activo. Primero haga administrador a otra persona.',
  'staff.not_invited':
    'Esta persona ya aceptó su invitación, así que no hay nada que reenviar ni revocar.',
  'staff.no_pending_invitation': 'Esta persona no tiene una invitación vigente. Envíele una nueva.',
  'staff.already_deactivated': 'Esta persona ya está desactivada.',
  'staff.not_deactivated': 'Esta persona no está desactivada.',
  'staff.invitation_invalid':
    'Este enlace de invitación no funciona: ya se usó, se revocó o venció. Pida a su administrador que le envíe uno nuevo.',
};

/** Messages for a field's error code (`errors[].code`). */
export const fieldErrorMessages: Record<FieldErrorCode, string> = {
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
  'password.length': 'Use de {minimum} a {maximum} caracteres para su contraseña.',
  'password.common':
    'Esta contraseña está en una lista de contraseñas muy usadas. Elija una frase más larga y propia.',
  'password.contains_email':
    'Su contraseña no debe contener su dirección de correo electrónico. Elija otra.',
  'import.column_unknown':
    'La columna «{column}» no forma parte de este formato. Quítela o cámbiele el nombre por una de las columnas documentadas.',
  'import.column_missing': 'Falta la columna «{column}». Agréguela a la fila de encabezados.',
  'import.column_duplicate':
    'La columna «{column}» aparece dos veces en el encabezado. Deje solo una.',
  'import.mapping_column_absent':
    'La correspondencia nombra la columna «{column}», que el encabezado del archivo no tiene. Corrija la correspondencia o el encabezado.',
  'import.cell_number_inexact':
    'Esta celda es un número con demasiados dígitos para que una hoja de cálculo lo guarde exacto. Dé formato de texto a la columna, escriba el valor de nuevo y revise el archivo otra vez.',
  'import.row_malformed':
    'Esta línea no tiene una celda por columna o tiene comillas sin cerrar. Corrija la línea.',
  'import.value_missing': 'Escriba un valor en esta columna.',
  'import.value_too_long': 'Acorte este valor a {maximum} caracteres como máximo.',
  'import.control_characters': 'Quite los caracteres de control especiales de este valor.',
  'import.external_id_duplicate':
    'Este external_id ya se usa en una fila anterior del archivo. Dé a cada fila su propio external_id.',
  'import.email_invalid': 'Escriba una dirección de correo como nombre@ejemplo.com.',
  'import.email_duplicate':
    'Este correo ya lo usa otro beneficiario del archivo. Dé a cada beneficiario su propio correo.',
  'import.email_taken':
    'Este correo ya pertenece a otra cuenta. Use el correo propio del beneficiario.',
  'import.phone_invalid': 'Escriba un número de teléfono de 10 a 15 dígitos.',
  'import.language_invalid': 'Escriba en para inglés o es para español.',
  'import.routing_invalid': 'Escriba el número de ruta de 9 dígitos tal como aparece en un cheque.',
  'import.account_invalid': 'Escriba un número de cuenta de 4 a 17 dígitos, solo números.',
  'import.account_type_invalid': 'Escriba checking (corriente) o savings (ahorros).',
  'import.bank_account_shared':
    'La misma cuenta bancaria pertenece a otro beneficiario. Compruebe que sea correcto; la fila se importa de todos modos.',
  'import.program_unknown':
    'No existe ningún programa con este nombre. Use el nombre de la dirección web (slug) de un programa existente.',
  'import.program_not_published':
    'Este programa aún no tiene una versión publicada. Publíquelo primero.',
  'import.payee_unknown':
    'Ningún beneficiario tiene este external_id. Importe primero el archivo de beneficiarios o corrija el identificador.',
  'import.amount_invalid':
    'Escriba el monto en dólares y centavos, como 1234.50, sin $ ni separadores de miles.',
  'import.amount_not_positive': 'Escriba un monto mayor que cero.',
  'import.amount_above_maximum':
    'El monto supera el máximo del programa. Escriba como máximo el monto que permite el programa.',
  'import.status_unknown':
    'Use uno de: submitted, in_review, needs_info, approved, rejected, paid, withdrawn.',
  'import.date_invalid':
    'Escriba la fecha como AAAA-MM-DD o una fecha y hora como 2024-03-01T14:30:00Z.',
  'import.date_in_future': 'Esta fecha es futura. Escriba la fecha en que realmente ocurrió.',
  'import.date_required_for_status': 'Este estado necesita esta fecha. Escríbala.',
  'import.date_before_submitted':
    'Esta fecha es anterior a submitted_at. Una solicitud se decide y se paga solo después de enviarse.',
  'import.decided_by_unknown':
    'Ninguna cuenta del personal tiene este correo. Déjelo vacío o use el correo de un miembro del personal.',
  'import.paid_amount_changed':
    'Esta solicitud ya se pagó, así que su monto no puede cambiar. Mantenga el monto pagado.',
  'import.paid_status_changed':
    'Esta solicitud ya se pagó, así que sigue pagada. Mantenga el estado paid.',
  'import.payment_in_progress':
    'El pago de esta solicitud ya va camino al banco, así que la solicitud no puede cambiar ahora.',
  'import.hms_record_changed':
    'Esta fila es un registro creado en HMS (su external_id empieza por hms-), y una importación no cambia esos registros. Cámbielo en HMS, o deje la fila como se exportó.',
  'question_set.no_steps': 'El formulario no tiene preguntas. Agregue al menos una pregunta.',
  'question_set.step_empty':
    'El paso «{step}» no tiene preguntas. Agregue una pregunta o quite el paso.',
  'question_set.step_id_invalid':
    'El paso «{step}» necesita un identificador que empiece con una letra y use solo letras, dígitos y _.',
  'question_set.step_id_duplicate':
    'El paso «{step}» tiene el mismo identificador que otro paso ({id}). Dele otro identificador.',
  'question_set.step_text_missing':
    'Falta «{text}» en el paso «{step}». Escríbalo en inglés y en español.',
  'question_set.step_spanish_missing':
    'Falta el español en «{text}» del paso «{step}». Agregue el texto en español.',
  'question_set.step_english_missing':
    'Falta el inglés en «{text}» del paso «{step}». Agregue el texto en inglés.',
  'question_set.id_invalid':
    'La pregunta «{question}» necesita un identificador que empiece con una letra y use solo letras, dígitos y _ (hasta 64).',
  'question_set.id_duplicate':
    'La pregunta «{question}» tiene el mismo identificador que otra pregunta ({id}). Dele otro identificador.',
  'question_set.text_missing':
    'Falta «{text}» en la pregunta «{question}». Escríbalo en inglés y en español.',
  'question_set.spanish_missing':
    'Falta el español en «{text}» de la pregunta «{question}». Agregue el texto en español.',
  'question_set.english_missing':
    'Falta el inglés en «{text}» de la pregunta «{question}». Agregue el texto en inglés.',
  'question_set.setting_not_applicable':
    'El ajuste «{setting}» no se aplica a la pregunta «{question}» por su tipo. Quítelo o cambie el tipo.',
  'question_set.limit_invalid':
    'El ajuste «{setting}» de la pregunta «{question}» no es un número válido. Escriba un número entero (centavos para dinero, nunca negativo).',
  'question_set.length_limits_reversed':
    'La pregunta «{question}» pide al menos {minimum} caracteres pero como máximo {maximum}. La respuesta más corta no puede ser más larga que la más larga.',
  'question_set.value_limits_reversed':
    'La pregunta «{question}» tiene una respuesta mínima ({minimum}) mayor que la máxima ({maximum}). Inviértalas o cámbielas.',
  'question_set.date_limit_invalid':
    'El ajuste «{setting}» de la pregunta «{question}» no es una fecha real. Escriba una fecha o elija hoy.',
  'question_set.date_limits_reversed':
    'La pregunta «{question}» tiene una fecha más temprana ({minimum}) posterior a la más tardía ({maximum}). Cambie una de ellas.',
  'question_set.pattern_invalid':
    'El formato de la pregunta «{question}» no es un patrón válido. Corríjalo o quítelo.',
  'question_set.accept_empty':
    'La pregunta «{question}» no acepta ningún tipo de archivo. Elija al menos uno.',
  'question_set.options_too_few':
    'La pregunta «{question}» necesita al menos {minimum} opciones. Agregue opciones.',
  'question_set.option_value_missing':
    'Una opción de la pregunta «{question}» no tiene valor. Dé un valor a cada opción.',
  'question_set.option_value_duplicate':
    'La pregunta «{question}» tiene dos opciones con el valor {value}. Dé a cada opción su propio valor.',
  'question_set.option_text_missing':
    'La opción «{option}» de la pregunta «{question}» no tiene texto. Escríbalo en inglés y en español.',
  'question_set.option_spanish_missing':
    'La opción «{option}» de la pregunta «{question}» no está en español. Agregue el texto en español.',
  'question_set.option_english_missing':
    'La opción «{option}» de la pregunta «{question}» no está en inglés. Agregue el texto en inglés.',
  'question_set.prefill_not_applicable':
    'La pregunta «{question}» no se puede rellenar con los datos de la cuenta por su tipo. Quite el relleno o cambie el tipo.',
  'question_set.condition_question_missing':
    'La pregunta «{question}» depende de una respuesta que no está en este formulario. Elija una pregunta anterior.',
  'question_set.condition_question_later':
    'La pregunta «{question}» depende de «{target}», que no va antes. Una pregunta solo puede depender de una anterior.',
  'question_set.condition_on_document':
    'La pregunta «{question}» depende de «{target}», una carga de archivos, que no tiene respuesta para comparar. Elija otra pregunta.',
  'question_set.condition_value_missing':
    'La pregunta «{question}» depende de «{target}» pero no indica ninguna respuesta. Elija la respuesta que la muestra.',
  'question_set.condition_value_invalid':
    'La pregunta «{question}» se muestra cuando «{target}» es {value}, lo que nunca puede ser. Elija una de sus respuestas.',
};
