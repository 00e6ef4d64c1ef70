import { defineHelp } from '@hms/ui';

/** "About this page" on the finance Today page. */
export const todayHelp = defineHelp({
  en: {
    purpose:
      'The work waiting now, with no period: each figure is the state of the queues when it was computed, and opens the list behind it.',
    check: [
      'The cut-offs come from the agency’s same-day cut-off setting, read in the agency’s time zone on Federal Reserve business days.',
      '“Waiting for you” counts the built batches you may release: not one you built, nor one holding a request you approved or applied for.',
      'Practice requests used for training are never counted.',
    ],
    next: 'Open a figure to work its list; the page refreshes every 30 seconds.',
  },
  es: {
    purpose:
      'El trabajo pendiente ahora, sin período: cada cifra es el estado de las colas cuando se calculó, y abre la lista que la respalda.',
    check: [
      'Las horas límite vienen de la configuración de hora límite del mismo día de la agencia, en su zona horaria y en días hábiles de la Reserva Federal.',
      '“Esperan que usted los libere” cuenta los lotes armados que usted puede liberar: ni uno que armó, ni uno con una solicitud que aprobó o presentó.',
      'Las solicitudes de práctica usadas para entrenar nunca se cuentan.',
    ],
    next: 'Abra una cifra para trabajar su lista; la página se actualiza cada 30 segundos.',
  },
});
