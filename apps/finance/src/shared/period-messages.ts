import { defineMessages } from '@hms/ui';

/** The period and program form of the finance pages (overview, its lists, budgets, trends, reconciliation). */
export const periodMessages = defineMessages({
  en: {
    periodLabel: 'Period and program',
    from: 'From (date)',
    to: 'To (date, included)',
    dateHint: 'YYYY-MM-DD, in the agency’s time zone',
    program: 'Program',
    allPrograms: 'All programs',
    apply: 'Show',
    thisMonth: 'This month',
    wholeHistory: 'Whole history',
    datesLabel: 'Period',
    toBeforeFrom: 'The “to” date must be on or after the “from” date.',
    programLabel: 'Choose a program',
    interval: 'Show by',
    day: 'Day',
    week: 'Week',
  },
  es: {
    periodLabel: 'Período y programa',
    from: 'Desde (fecha)',
    to: 'Hasta (fecha, incluida)',
    dateHint: 'AAAA-MM-DD, en la zona horaria de la agencia',
    program: 'Programa',
    allPrograms: 'Todos los programas',
    apply: 'Mostrar',
    thisMonth: 'Este mes',
    wholeHistory: 'Todo el historial',
    datesLabel: 'Período',
    toBeforeFrom: 'La fecha “hasta” debe ser igual o posterior a la fecha “desde”.',
    programLabel: 'Elegir un programa',
    interval: 'Mostrar por',
    day: 'Día',
    week: 'Semana',
  },
});
