import { defineMessages } from '@hms/ui';

export const webhooksMessages = defineMessages({
  en: {
    endpointsTitle: 'Webhook endpoints',
    endpointsLead:
      'Where HMS sends signed Standard Webhooks. The whsec_ secret is shown once; give it to the receiver to verify signatures.',
    url: 'URL',
    urlHint:
      'https:// to a public address. Private and local addresses are refused unless the server allows them for testing.',
    urlRequired: 'Enter the receiver URL.',
    events: 'Events',
    eventsRequired: 'Choose at least one event.',
    addEndpoint: 'Add endpoint',
    secretOnce: 'Copy this signing secret now; it will not be shown again:',
    disable: 'Disable {url}',
    enabled: 'Enabled',
    disabled: 'Disabled',
    state: 'State',
    actions: 'Actions',
    endpointsCaption: 'Webhook endpoints',
    noEndpoints: 'No endpoints yet.',
    loading: 'Loading…',
  },
  es: {
    endpointsTitle: 'Destinos de webhooks',
    endpointsLead:
      'Adónde HMS envía Standard Webhooks firmados. El secreto whsec_ se muestra una sola vez; entréguelo al receptor para verificar las firmas.',
    url: 'URL',
    urlHint:
      'https:// a una dirección pública. Las direcciones privadas y locales se rechazan salvo que el servidor las permita para pruebas.',
    urlRequired: 'Escriba la URL del receptor.',
    events: 'Eventos',
    eventsRequired: 'Elija al menos un evento.',
    addEndpoint: 'Agregar destino',
    secretOnce: 'Copie este secreto de firma ahora; no se volverá a mostrar:',
    disable: 'Desactivar {url}',
    enabled: 'Activo',
    disabled: 'Desactivado',
    state: 'Estado',
    actions: 'Acciones',
    endpointsCaption: 'Destinos de webhooks',
    noEndpoints: 'Todavía no hay destinos.',
    loading: 'Cargando…',
  },
});
