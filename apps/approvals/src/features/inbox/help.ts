import { defineHelp } from '@hms/ui';

/** "About this page" on the approval inbox. */
export const inboxHelp = defineHelp({
  en: {
    purpose:
      'Every open request waits here in a queue: unassigned, assigned to you, awaiting a second approval, waiting for the citizen, and overdue. Claim a request to take it off the unassigned queue and review it.',
    check: [
      'The deadline column first: overdue requests and those due soonest come before newer ones.',
      'The risk level: a medium or high level means signals to read on the review page before you decide.',
      'Rows marked Practice are training cases with made-up applicants; they are never paid, so use them to learn.',
    ],
    next: 'Open a request to read its answers, documents and bank account. Once you claim it, nobody else can decide it until you release it or decide it.',
  },
  es: {
    purpose:
      'Cada solicitud abierta espera aquí en una cola: sin asignar, asignadas a usted, esperando una segunda aprobación, esperando al ciudadano y vencidas. Tome una solicitud para sacarla de la cola sin asignar y revisarla.',
    check: [
      'Primero la columna de plazo: las vencidas y las que vencen antes van antes que las nuevas.',
      'El nivel de riesgo: un nivel medio o alto indica señales que debe leer en la revisión antes de decidir.',
      'Las filas marcadas Práctica son casos de entrenamiento con solicitantes inventados; nunca se pagan, úselas para aprender.',
    ],
    next: 'Abra una solicitud para leer sus respuestas, documentos y cuenta bancaria. Cuando la toma, nadie más puede decidirla hasta que la libere o la decida.',
  },
});
