import { defineMessages } from '@hms/ui';

export const catalogMessages = defineMessages({
  en: {
    title: 'Services',
    lead: 'Rebates, grants, fee refunds and benefits you can apply for.',
    open: 'Open for applications',
    closed: 'Closed',
    upTo: 'Up to {amount}',
    eligibility: 'Who can apply',
    opens: 'Opens {date}',
    closes: 'Closes {date}',
    closedOn: 'Closed on {date}',
    decisionTime: 'Decision within {days} business days',
    empty: 'There are no services yet',
    emptyBody: 'No services are open for applications at the moment. Please check again later.',
    loading: 'Loading services…',
  },
  es: {
    title: 'Servicios',
    lead: 'Reembolsos, subvenciones, devoluciones de tarifas y beneficios que puede solicitar.',
    open: 'Abierto para solicitudes',
    closed: 'Cerrado',
    upTo: 'Hasta {amount}',
    eligibility: 'Quién puede solicitar',
    opens: 'Abre el {date}',
    closes: 'Cierra el {date}',
    closedOn: 'Cerró el {date}',
    decisionTime: 'Decisión en un máximo de {days} días hábiles',
    empty: 'Todavía no hay servicios',
    emptyBody: 'En este momento no hay servicios abiertos para solicitudes. Vuelva a consultar más tarde.',
    loading: 'Cargando servicios…',
  },
});
