import { defineHelp } from '@hms/ui';

/** "About this page" on service tokens. */
export const tokensHelp = defineHelp({
  en: {
    purpose:
      'Bearer tokens the agency’s financial system uses to read the GL journal and confirm settlement, each limited to the scopes you give it.',
    check: [
      'Give a token only the scopes its system needs, and a name that says which system holds it.',
      'Copy a new or rotated token at once: HMS shows it only once and keeps only its hash.',
      'When a token was last used: one unused for months may belong to a system that is gone.',
    ],
    next: 'The financial system uses the token from its next call. Rotating gives a new secret and the old one stops working; revoking stops it at once.',
  },
  es: {
    purpose:
      'Tokens portadores que usa el sistema financiero de la agencia para leer el diario contable y confirmar liquidaciones, cada uno limitado a los permisos que le dé.',
    check: [
      'Dé a cada token solo los permisos que su sistema necesita, y un nombre que diga qué sistema lo tiene.',
      'Copie un token nuevo o rotado enseguida: HMS lo muestra una sola vez y guarda solo su hash.',
      'Cuándo se usó por última vez: uno sin usar durante meses puede ser de un sistema que ya no existe.',
    ],
    next: 'El sistema financiero usa el token desde su próxima llamada. Rotarlo da un secreto nuevo y el anterior deja de funcionar; revocarlo lo detiene enseguida.',
  },
});
