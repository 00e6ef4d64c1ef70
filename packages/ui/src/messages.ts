import { defineMessages } from './i18n.tsx';

/** Strings used by the shared components themselves. */
export const uiMessages = defineMessages({
  en: {
    errorSummaryTitle: 'There is a problem',
    loading: 'Loading…',
    problemGeneric: 'Something went wrong',
    problemInput: 'Some details need checking',
    problemSignIn: 'Please sign in again',
    problemForbidden: 'You cannot do this',
    problemNotFound: 'We could not find this',
    problemConflict: 'This could not be done',
    problemTooMany: 'Too many attempts',
    problemGenericDetail: 'Please try again. If the problem continues, try again later.',
    problemOffline: 'We could not reach the service. Check your connection and try again.',
    tryAgain: 'Try again',
    retryAfter: 'You can try again in {seconds} seconds.',
    siteName: 'HMS',
  },
  es: {
    errorSummaryTitle: 'Hay un problema',
    loading: 'Cargando…',
    problemGeneric: 'Algo salió mal',
    problemInput: 'Hay datos que revisar',
    problemSignIn: 'Vuelva a iniciar sesión',
    problemForbidden: 'No puede hacer esto',
    problemNotFound: 'No pudimos encontrar esto',
    problemConflict: 'No se pudo hacer',
    problemTooMany: 'Demasiados intentos',
    problemGenericDetail: 'Inténtelo de nuevo. Si el problema continúa, inténtelo más tarde.',
    problemOffline: 'No pudimos conectar con el servicio. Revise su conexión e inténtelo de nuevo.',
    tryAgain: 'Intentar de nuevo',
    retryAfter: 'Puede intentarlo de nuevo en {seconds} segundos.',
    siteName: 'HMS',
  },
});
