import { defineHelp } from '@hms/ui';

/** "About this page" on the finance dashboard. */
export const summaryHelp = defineHelp({
  en: {
    purpose:
      'The money of every program at a glance: approved, waiting to be paid (pending, in a batch or released), paid (settled) and returned by the bank.',
    check: [
      'Pending money that does not shrink: payments may be waiting for a prenote or for someone to build a batch.',
      'Returned money: each return needs a new bank account from the citizen before it is paid again.',
      'Practice requests used for training are left out of every figure here.',
    ],
    next: 'Go to Pending payments to build a batch, to Batches to release or follow one, and to Returns to import the bank’s return file.',
  },
  es: {
    purpose:
      'El dinero de cada programa de un vistazo: aprobado, pendiente de pago (pendiente, en un lote o liberado), pagado (liquidado) y devuelto por el banco.',
    check: [
      'Dinero pendiente que no baja: los pagos pueden estar esperando un prenote o que alguien arme un lote.',
      'Dinero devuelto: cada devolución necesita una nueva cuenta bancaria del ciudadano antes de pagarse otra vez.',
      'Las solicitudes de práctica usadas para entrenar quedan fuera de todas estas cifras.',
    ],
    next: 'Vaya a Pagos pendientes para armar un lote, a Lotes para liberarlo o seguirlo, y a Devoluciones para importar el archivo de devoluciones del banco.',
  },
});
