import { defineMessages } from '@hms/ui';

// Staff screens are in both languages too: the catalog type requires it, and it costs little.
export const queueMessages = defineMessages({
  en: {
    title: 'Approvals',
    lead: 'Requests waiting for a decision, by queue.',
    loading: 'Loading queues…',
    queuesHeading: 'Queues',
    unassigned: 'Unassigned',
    assignedToMe: 'Assigned to me',
    awaitingSecondApproval: 'Awaiting second approval',
    waitingForCitizen: 'Waiting for citizen',
    overdue: 'Overdue',
    all: 'All open requests',
    requests: '{count} requests',
    request: '1 request',
    emptyTitle: 'No requests are waiting',
    emptyBody: 'New requests appear here as soon as citizens submit them.',
  },
  es: {
    title: 'Aprobaciones',
    lead: 'Solicitudes que esperan una decisión, por cola.',
    loading: 'Cargando colas…',
    queuesHeading: 'Colas',
    unassigned: 'Sin asignar',
    assignedToMe: 'Asignadas a mí',
    awaitingSecondApproval: 'Esperando segunda aprobación',
    waitingForCitizen: 'Esperando al ciudadano',
    overdue: 'Vencidas',
    all: 'Todas las solicitudes abiertas',
    requests: '{count} solicitudes',
    request: '1 solicitud',
    emptyTitle: 'No hay solicitudes en espera',
    emptyBody: 'Las nuevas solicitudes aparecen aquí en cuanto los ciudadanos las envían.',
  },
});
