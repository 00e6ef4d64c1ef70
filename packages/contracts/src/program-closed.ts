import type { ProgramClosedReason } from './programs.ts';

/** Plain-language reasons (both languages) for a program that does not take applications. */
export const programClosedMessages: Record<ProgramClosedReason, { en: string; es: string }> = {
  not_open_yet: {
    en: 'This program is not open for applications yet.',
    es: 'Este programa todavía no acepta solicitudes.',
  },
  closed: {
    en: 'This program is closed and no longer accepts applications.',
    es: 'Este programa está cerrado y ya no acepta solicitudes.',
  },
  budget_exhausted: {
    en: 'This program has used all of its budget and cannot accept more applications.',
    es: 'Este programa ya usó todo su presupuesto y no puede aceptar más solicitudes.',
  },
};
