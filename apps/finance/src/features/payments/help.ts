import { defineHelp } from '@hms/ui';

/** "About this page" on pending payments, where a batch is built. */
export const buildHelp = defineHelp({
  en: {
    purpose:
      'Payments of approved requests that have not been sent yet. Select the ones to send and build a NACHA batch file from them.',
    check: [
      'The payee name and the last 4 digits of the account for each payment you select.',
      'Payments marked as needing a prenote: a new account gets a zero-dollar test entry first, and the money follows after the waiting days.',
      'The total selected before you build, and whether the file should go same day.',
    ],
    next: 'Building creates the batch and moves its payments out of this list. A finance supervisor who did not build it must release it before the file goes to the bank; practice payments never appear here.',
  },
  es: {
    purpose:
      'Pagos de solicitudes aprobadas que todavía no se enviaron. Seleccione los que va a enviar y arme con ellos un archivo de lote NACHA.',
    check: [
      'El nombre del beneficiario y los últimos 4 dígitos de la cuenta de cada pago que seleccione.',
      'Los pagos que necesitan prenote: una cuenta nueva recibe primero una entrada de prueba de cero dólares y el dinero llega después de los días de espera.',
      'El total seleccionado antes de armar el lote, y si el archivo debe ir el mismo día.',
    ],
    next: 'Al armarlo se crea el lote y sus pagos salen de esta lista. Un supervisor de finanzas que no lo armó debe liberarlo antes de que el archivo vaya al banco; los pagos de práctica nunca aparecen aquí.',
  },
});

/** "About this page" on the payments list filtered by another status. */
export const statusHelp = defineHelp({
  en: {
    purpose:
      'Every payment in one state (in a batch, released, settled, returned…), to follow where the money of a request is.',
    check: [
      'The trace number and effective date of a released payment when a citizen or the bank asks about it.',
      'The return code and reason of a returned payment.',
      'Rows marked Practice are training payments: they are never sent to the bank and count in no total.',
    ],
    next: 'Settled payments close their request as paid. A returned payment waits for the citizen’s new account, which creates a new pending payment.',
  },
  es: {
    purpose:
      'Todos los pagos en un estado (en lote, liberado, liquidado, devuelto…), para seguir dónde está el dinero de una solicitud.',
    check: [
      'El número de rastreo y la fecha efectiva de un pago liberado cuando un ciudadano o el banco pregunta por él.',
      'El código y el motivo de devolución de un pago devuelto.',
      'Las filas marcadas Práctica son pagos de entrenamiento: nunca se envían al banco y no cuentan en ningún total.',
    ],
    next: 'Los pagos liquidados cierran su solicitud como pagada. Un pago devuelto espera la nueva cuenta del ciudadano, que crea un nuevo pago pendiente.',
  },
});
