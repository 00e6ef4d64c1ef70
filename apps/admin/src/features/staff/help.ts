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

/** "About this page" on inviting a staff member (issue 11: panels on every staff screen). */
export const inviteHelp = defineHelp({
  en: {
    purpose:
      'Invite a new member of staff by email with the roles their work needs. They choose their own password from the link.',
    check: [
      'The email address is the person’s work address: the one-time link goes there and works for 72 hours.',
      'The roles: give only what the job needs. HMS refuses roles that would let one person both approve and release the same money.',
    ],
    next: 'The invitation email is queued in the email outbox. Until the person sets a password the account shows as invited; you can resend or revoke the invitation from their page.',
  },
  es: {
    purpose:
      'Invite a una persona nueva del personal por correo con los roles que necesita su trabajo. Elige su propia contraseña desde el enlace.',
    check: [
      'Que el correo sea el de trabajo de la persona: el enlace de un solo uso llega allí y sirve durante 72 horas.',
      'Los roles: dé solo lo que el trabajo necesita. HMS rechaza roles que permitirían a una persona aprobar y liberar el mismo dinero.',
    ],
    next: 'El correo de invitación queda en la bandeja de correos. Hasta que la persona cree su contraseña, la cuenta figura como invitada; puede reenviar o revocar la invitación desde su página.',
  },
});
