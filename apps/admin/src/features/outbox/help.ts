import { defineHelp } from '@hms/ui';

/** "About this page" on the email outbox. */
export const outboxHelp = defineHelp({
  en: {
    purpose:
      'Every email HMS has queued for citizens and staff (confirmations, decisions, payment news), with its state and the last delivery error. Addresses are masked.',
    check: [
      'Whether email sending is set up: without it every email stays queued.',
      'Dead emails and their last error: a wrong mail server setting affects every email, a refused address only one.',
    ],
    next: 'Queued emails are sent in order by the sender; after the last failed attempt an email is dead and the citizen still sees the news in their notifications.',
  },
  es: {
    purpose:
      'Cada correo que HMS puso en cola para ciudadanos y personal (confirmaciones, decisiones, avisos de pago), con su estado y el último error de entrega. Las direcciones se muestran ocultas.',
    check: [
      'Si el envío de correo está configurado: sin él, todos los correos quedan en cola.',
      'Los correos muertos y su último error: una configuración errónea del servidor afecta a todos, una dirección rechazada solo a uno.',
    ],
    next: 'El remitente envía los correos en cola por orden; tras el último intento fallido el correo queda muerto y el ciudadano igual ve el aviso en sus notificaciones.',
  },
});
