import { defineHelp } from '@hms/ui';

/** "About this page" on the sign-in throttle. */
export const throttleHelp = defineHelp({
  en: {
    purpose:
      'Accounts and addresses with failed sign-ins counted against them, and those locked out for a while after too many.',
    check: [
      'That the person asking to be let in is who they say, through a channel you trust, before you clear their lock.',
      'Many locks from one address at once: that looks like someone guessing passwords, not a person who forgot theirs.',
    ],
    next: 'Clearing lets the account or address try again at once; the count starts again from zero. Without clearing, a lock ends by itself when its time runs out.',
  },
  es: {
    purpose:
      'Cuentas y direcciones con inicios de sesión fallidos contados en su contra, y las bloqueadas un tiempo tras demasiados intentos.',
    check: [
      'Que la persona que pide entrar sea quien dice ser, por un medio de confianza, antes de quitar su bloqueo.',
      'Muchos bloqueos desde una misma dirección a la vez: parece alguien adivinando contraseñas, no una persona que olvidó la suya.',
    ],
    next: 'Quitar el bloqueo permite volver a intentarlo enseguida; la cuenta vuelve a cero. Si no lo quita, el bloqueo termina solo cuando pasa su tiempo.',
  },
});
