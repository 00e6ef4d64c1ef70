import { defineHelp } from '@hms/ui';

/** "About this page" on the administration overview. */
export const overviewHelp = defineHelp({
  en: {
    purpose:
      'The starting point of administration: every section an administrator looks after, with what each one is for.',
    check: [
      'That you are signed in with your own administrator account: every change here is recorded in the audit log under your name.',
      'Which section holds what you need before changing anything: the links below say what each one changes.',
    ],
    next: 'Open a section from this list or from the side navigation. Nothing changes until you act on a section’s own page.',
  },
  es: {
    purpose:
      'El punto de partida de la administración: cada sección que cuida un administrador, con para qué sirve cada una.',
    check: [
      'Que entró con su propia cuenta de administrador: cada cambio aquí queda en el registro de auditoría a su nombre.',
      'Qué sección tiene lo que necesita antes de cambiar algo: los enlaces de abajo dicen qué cambia cada una.',
    ],
    next: 'Abra una sección desde esta lista o desde la navegación lateral. Nada cambia hasta que actúe en la página de la sección.',
  },
});
