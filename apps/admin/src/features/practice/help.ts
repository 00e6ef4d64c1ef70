import { defineHelp } from '@hms/ui';

/** "About this page" on the practice space. */
export const practiceHelp = defineHelp({
  en: {
    purpose:
      'A place to train new staff without touching real money: practice programs hold made-up requests that go through claim, review and decision like real ones, but are never paid.',
    check: [
      'Make practice requests only in a practice copy. A real program with requests of its own can never be marked practice.',
      'Tell the people you train that rows marked Practice are made up: the applicants, files and bank accounts are generated.',
      'Clear the practice data when the training is over, so the inbox shows only real work.',
    ],
    next: 'Practice requests appear in the approval inbox at once. Their payments are listed apart in finance, never go in a batch and count in no total. Every action here is recorded in the audit log with your name.',
  },
  es: {
    purpose:
      'Un lugar para entrenar al personal nuevo sin tocar dinero real: los programas de práctica contienen solicitudes inventadas que pasan por reclamar, revisar y decidir como las reales, pero nunca se pagan.',
    check: [
      'Cree solicitudes de práctica solo en una copia de práctica. Un programa real con solicitudes propias nunca puede marcarse como práctica.',
      'Avise a quienes entrena que las filas marcadas como Práctica son inventadas: los solicitantes, archivos y cuentas bancarias se generan.',
      'Borre los datos de práctica al terminar el entrenamiento, para que la bandeja muestre solo trabajo real.',
    ],
    next: 'Las solicitudes de práctica aparecen enseguida en la bandeja de aprobación. Sus pagos se muestran aparte en finanzas, nunca entran en un lote y no cuentan en ningún total. Cada acción de esta página queda en el registro de auditoría con su nombre.',
  },
});
