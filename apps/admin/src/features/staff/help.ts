import { defineHelp } from '@hms/ui';

/** "About this page" on the staff screens. */
export const staffHelp = defineHelp({
  en: {
    purpose:
      'The people who work in HMS: invite them by email with their roles, change their roles, and deactivate them when they leave.',
    check: [
      'Give each person only the roles their job needs. One person can never both approve requests and release payments.',
      'An invitation link works once, for 72 hours. Send a new one if it expired.',
      'Deactivate someone as soon as they leave: their sessions end at once and the requests they hold go back to the queue.',
    ],
    next: 'Role changes apply from the person’s next action. Every change is recorded in the audit log with your name.',
  },
  es: {
    purpose:
      'Las personas que trabajan en HMS: invítelas por correo con sus roles, cambie sus roles y desactívelas cuando se vayan.',
    check: [
      'Dé a cada persona solo los roles que su trabajo necesita. Una misma persona nunca puede aprobar solicitudes y liberar pagos.',
      'Un enlace de invitación funciona una vez, durante 72 horas. Envíe uno nuevo si venció.',
      'Desactive a alguien en cuanto se vaya: sus sesiones terminan enseguida y las solicitudes que tenía vuelven a la cola.',
    ],
    next: 'Los cambios de roles se aplican desde la siguiente acción de la persona. Cada cambio queda en el registro de auditoría con su nombre.',
  },
});
