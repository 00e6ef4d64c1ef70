import { defineMessages } from '@hms/ui';

/** "When will I hear back?": the expected decision and payment days on the citizen's request page. */
export const estimateMessages = defineMessages({
  en: {
    title: 'When will I hear back?',
    decisionBy: 'We expect a decision by {date}.',
    decisionBasis:
      '8 in 10 requests like yours were decided within {days} business days of being submitted ({sample} requests decided in the last six months).',
    ahead: 'Requests ahead of yours in the queue: {ahead}. The date moves as they are decided.',
    deadlineBasis:
      'This program has decided too few requests in the last six months ({sample}) to estimate from its history, so this is its review deadline.',
    waiting:
      'We will estimate a decision date again once you answer our question: the time to a decision is paused until then.',
    paymentBy: 'We expect the money in your bank account by {date}.',
    paymentBatch:
      'Your payment has been sent to the banks for {date}: your bank posts it to your account that business day.',
    paymentBasis:
      '8 in 10 of our approved payments reached the bank within {days} business days of approval (our latest {sample}). A payment we send before the same-day cut-off on a business day is posted that day; after it, the next business day.',
    paymentUnknown:
      'We have not made enough payments yet to estimate when the money will arrive. Payments are posted by your bank the business day we send them before the same-day cut-off, or the next business day.',
    estimateNote: 'This is an estimate, not a promise; the review deadline does not change.',
    updated: 'Last updated {when}.',
  },
  es: {
    title: '¿Cuándo tendré respuesta?',
    decisionBy: 'Esperamos una decisión a más tardar el {date}.',
    decisionBasis:
      'En 8 de cada 10 solicitudes como la suya se decidió en {days} días hábiles o menos desde su envío ({sample} solicitudes decididas en los últimos seis meses).',
    ahead:
      'Solicitudes antes de la suya en la fila: {ahead}. La fecha cambia a medida que se deciden.',
    deadlineBasis:
      'Este programa ha decidido muy pocas solicitudes en los últimos seis meses ({sample}) para estimar a partir de su historial, así que esta es su fecha límite de revisión.',
    waiting:
      'Volveremos a estimar una fecha de decisión cuando responda a nuestra pregunta: el plazo para decidir está en pausa hasta entonces.',
    paymentBy: 'Esperamos que el dinero llegue a su cuenta bancaria a más tardar el {date}.',
    paymentBatch:
      'Su pago se envió a los bancos para el {date}: su banco lo deposita en su cuenta ese día hábil.',
    paymentBasis:
      '8 de cada 10 de nuestros pagos aprobados llegaron al banco en {days} días hábiles o menos desde la aprobación (nuestros últimos {sample}). Un pago que enviamos antes de la hora límite del mismo día en un día hábil se deposita ese día; después, el siguiente día hábil.',
    paymentUnknown:
      'Aún no hemos hecho suficientes pagos para estimar cuándo llegará el dinero. Su banco deposita los pagos el día hábil en que los enviamos antes de la hora límite del mismo día, o el siguiente día hábil.',
    estimateNote: 'Es una estimación, no una promesa; la fecha límite de revisión no cambia.',
    // No period of its own: the time ends in one ("10:00 a.m."), and Spanish writes one period, not two.
    updated: 'Actualizado por última vez el {when}',
  },
});
