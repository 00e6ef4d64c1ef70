import { defineHelp } from '@hms/ui';

/** "About this page" on the review of one request. */
export const reviewHelp = defineHelp({
  en: {
    purpose:
      'Decide one request: approve it (all of it or a lower amount), reject it with a reason the citizen reads, or ask the citizen for more information. Claim it first; nobody may decide a request they applied for.',
    check: [
      'The answers against the program rules, as the form asked them when the request was submitted.',
      'The documents: open each one and compare names, dates and amounts with the answers.',
      'The bank account holder matches the applicant, and the risk signals explain anything unusual.',
      'The amount: at most the request, the program maximum and the budget left.',
    ],
    next: 'An approval at or under the program threshold creates the payment that finance puts in the next ACH batch; above it, a different senior approver must approve too. A rejection or a question is sent to the citizen at once.',
  },
  es: {
    purpose:
      'Decida una solicitud: apruébela (completa o por un monto menor), rechácela con un motivo que el ciudadano leerá, o pida más información al ciudadano. Primero tómela; nadie puede decidir una solicitud que presentó.',
    check: [
      'Las respuestas frente a las reglas del programa, tal como el formulario las preguntó al enviarse la solicitud.',
      'Los documentos: abra cada uno y compare nombres, fechas y montos con las respuestas.',
      'Que el titular de la cuenta bancaria coincida con el solicitante, y que las señales de riesgo expliquen lo inusual.',
      'El monto: como máximo lo pedido, el máximo del programa y el presupuesto que queda.',
    ],
    next: 'Una aprobación igual o menor al umbral del programa crea el pago que finanzas incluye en el próximo lote ACH; por encima, otro aprobador sénior también debe aprobar. Un rechazo o una pregunta se envía al ciudadano enseguida.',
  },
});
