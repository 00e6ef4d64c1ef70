import { defineHelp } from '@hms/ui';

/** "About this page" on the FINANCIAL system exchange. */
export const integrationHelp = defineHelp({
  en: {
    purpose:
      'The signed webhooks HMS sends to the agency’s financial system (payments created, batches released, returns, settlements) and whether each arrived.',
    check: [
      'Dead deliveries: the receiver refused them or was down through every retry.',
      'The last error of a failing delivery before you send it again (a wrong URL or secret is fixed by an administrator under Webhook endpoints).',
    ],
    next: 'Sending a dead delivery again queues it at once with a fresh signature. The financial system also reads the journal and confirms settlement with its own service token.',
  },
  es: {
    purpose:
      'Los webhooks firmados que HMS envía al sistema financiero de la agencia (pagos creados, lotes liberados, devoluciones, liquidaciones) y si cada uno llegó.',
    check: [
      'Las entregas muertas: el receptor las rechazó o estuvo caído durante todos los reintentos.',
      'El último error de una entrega que falla antes de reenviarla (una URL o un secreto incorrecto lo corrige un administrador en Destinos de webhooks).',
    ],
    next: 'Reenviar una entrega muerta la pone en cola enseguida con una firma nueva. El sistema financiero también lee el diario y confirma la liquidación con su propio token de servicio.',
  },
});
