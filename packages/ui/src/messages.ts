import { defineMessages } from './i18n.tsx';

/** Strings used by the shared components themselves. */
export const uiMessages = defineMessages({
  en: {
    errorSummaryTitle: 'There is a problem',
    loading: 'Loading…',
    problemGeneric: 'Something went wrong',
    problemGenericDetail: 'Please try again. If the problem continues, try again later.',
    problemOffline: 'We could not reach the service. Check your connection and try again.',
    tryAgain: 'Try again',
    retryAfter: 'You can try again in {seconds} seconds.',
    siteName: 'HMS',
    siteTitle: 'HMS — Health & Money Services',
    pageTitle: '{page} | {site}',
    errorTitlePrefix: 'Error: {title}',
    scrollCue: 'The table is wider than the page: scroll it sideways to see every column',
    pagePrevious: 'Previous page',
    pageNext: 'Next page',
    helpSummary: 'About this page',
    helpPurpose: 'What this page is for',
    helpCheck: 'What to check',
    helpNext: 'What happens next',
    practiceTag: 'Practice',
    practiceTitle: 'Practice request for training: made up, never paid',
    practiceNotice:
      'Practice request: the applicant, answers, files and bank account are made up for training. Decide it as you would a real one; it is never paid and counts in no figure.',
  },
  es: {
    errorSummaryTitle: 'Hay un problema',
    loading: 'Cargando…',
    problemGeneric: 'Algo salió mal',
    problemGenericDetail: 'Inténtelo de nuevo. Si el problema continúa, inténtelo más tarde.',
    problemOffline: 'No pudimos conectar con el servicio. Revise su conexión e inténtelo de nuevo.',
    tryAgain: 'Intentar de nuevo',
    retryAfter: 'Puede intentarlo de nuevo en {seconds} segundos.',
    siteName: 'HMS',
    siteTitle: 'HMS — Servicios de Salud y Dinero',
    pageTitle: '{page} | {site}',
    errorTitlePrefix: 'Error: {title}',
    scrollCue:
      'La tabla es más ancha que la página: desplácela hacia los lados para ver todas las columnas',
    pagePrevious: 'Página anterior',
    pageNext: 'Página siguiente',
    helpSummary: 'Acerca de esta página',
    helpPurpose: 'Para qué sirve esta página',
    helpCheck: 'Qué revisar',
    helpNext: 'Qué pasa después',
    practiceTag: 'Práctica',
    practiceTitle: 'Solicitud de práctica para entrenar: inventada, nunca se paga',
    practiceNotice:
      'Solicitud de práctica: el solicitante, las respuestas, los archivos y la cuenta bancaria son inventados para entrenar. Decídala como una real; nunca se paga ni cuenta en ninguna cifra.',
  },
});
