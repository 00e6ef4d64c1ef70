import { defineHelp } from '@hms/ui';

/** "About this page" on the finance overview. */
export const overviewHelp = defineHelp({
  en: {
    purpose:
      'Every figure of a period, each defined once: open “What this counts” under a figure to read its definition, and the figure itself to see the rows it adds up.',
    check: [
      'A payment is counted once, in the state it is in now, on the day it reached that state: a payment settled in March and returned in April is “returned” in April and no longer “paid” in March.',
      'Practice requests used for training are never counted; history imported from the old system is.',
      'The figures are computed when the page asks and refreshed every 30 seconds.',
    ],
    next: 'Open a figure to see its rows, search and sort them, and download exactly those rows as CSV.',
  },
  es: {
    purpose:
      'Cada cifra de un período, definida una sola vez: abra “Qué cuenta” bajo una cifra para leer su definición, y la cifra para ver las filas que suma.',
    check: [
      'Un pago se cuenta una vez, en el estado en que está ahora, el día en que llegó a ese estado: un pago liquidado en marzo y devuelto en abril es “devuelto” en abril y ya no “pagado” en marzo.',
      'Las solicitudes de práctica usadas para entrenar nunca se cuentan; el historial importado del sistema anterior sí.',
      'Las cifras se calculan cuando la página las pide y se actualizan cada 30 segundos.',
    ],
    next: 'Abra una cifra para ver sus filas, buscarlas y ordenarlas, y descargar exactamente esas filas en CSV.',
  },
});
