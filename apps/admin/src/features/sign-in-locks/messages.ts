import { defineMessages } from '@hms/ui';

export const signInLocksMessages = defineMessages({
  en: {
    throttleTitle: 'Sign-in throttle',
    throttleLead:
      'Accounts with several failed sign-ins in the last hour. The addresses that failed must wait longer after each failure; the owner signing in from anywhere else is not held back. Clear an account when its owner asks, for example from a shared office address.',
    throttleEmpty: 'No account has failed sign-ins counted against it.',
    throttleCaption: 'Accounts with failed sign-ins, most failures first',
    throttleEmail: 'Email',
    throttleFailures: 'Failed sign-ins',
    throttleSources: 'Addresses failing',
    throttleLast: 'Last failure',
    throttleWait: 'Failing addresses wait until',
    throttleNoWait: 'No wait',
    throttleAction: 'Action',
    throttleClear: 'Clear {email}',
    throttleCleared: 'Cleared {email}: every address may try to sign in again now.',
    loading: 'Loading…',
  },
  es: {
    throttleTitle: 'Límite de inicios de sesión',
    throttleLead:
      'Cuentas con varios inicios de sesión fallidos en la última hora. Las direcciones que fallaron deben esperar más después de cada fallo; el titular que inicia sesión desde otro lugar no tiene que esperar. Borre el límite de una cuenta cuando su titular lo pida, por ejemplo desde una dirección de oficina compartida.',
    throttleEmpty: 'Ninguna cuenta tiene inicios de sesión fallidos.',
    throttleCaption: 'Cuentas con inicios de sesión fallidos, primero las que tienen más',
    throttleEmail: 'Correo electrónico',
    throttleFailures: 'Inicios de sesión fallidos',
    throttleSources: 'Direcciones que fallan',
    throttleLast: 'Último fallo',
    throttleWait: 'Las direcciones que fallan esperan hasta',
    throttleNoWait: 'Sin espera',
    throttleAction: 'Acción',
    throttleClear: 'Borrar el límite de {email}',
    throttleCleared:
      'Se borró el límite de {email}: todas las direcciones pueden volver a intentar iniciar sesión.',
    loading: 'Cargando…',
  },
});
