import { defineHelp } from '@hms/ui';

/** "About this page" on webhook endpoints. */
export const endpointsHelp = defineHelp({
  en: {
    purpose:
      'The addresses HMS sends signed webhooks to (payments created, batches released, returns, settlements) and the events each one receives.',
    check: [
      'The URL is the receiver’s HTTPS address: loopback and private addresses are refused.',
      'Copy the signing secret when it is shown: the receiver needs it to check each webhook’s signature.',
      'Disable an endpoint nobody reads, so deliveries stop piling up as failures.',
    ],
    next: 'New events go to the endpoint from now on; failed deliveries retry and finance can resend dead ones under FINANCIAL exchange.',
  },
  es: {
    purpose:
      'Las direcciones a las que HMS envía webhooks firmados (pagos creados, lotes liberados, devoluciones, liquidaciones) y los eventos que recibe cada una.',
    check: [
      'Que la URL sea la dirección HTTPS del receptor: se rechazan las direcciones locales y privadas.',
      'Copie el secreto de firma cuando se muestra: el receptor lo necesita para comprobar la firma de cada webhook.',
      'Desactive un destino que nadie lee, para que las entregas no se acumulen como fallidas.',
    ],
    next: 'Los eventos nuevos van al destino desde ahora; las entregas fallidas se reintentan y finanzas puede reenviar las muertas en Intercambio FINANCIAL.',
  },
});
