import { defineMessages } from '@hms/ui';

export const sharedMessages = defineMessages({
  en: {
    on_time: 'On time',
    due_soon: 'Due soon',
    overdue: 'Overdue',
    paused: 'Paused (waiting for citizen)',
    none: 'No deadline',
    info_answered: 'Citizen answered',
    info_answered_label: 'The citizen answered the request for information on {date}',
  },
  es: {
    on_time: 'A tiempo',
    due_soon: 'Vence pronto',
    overdue: 'Vencida',
    paused: 'En pausa (esperando al ciudadano)',
    none: 'Sin plazo',
    info_answered: 'El ciudadano respondió',
    info_answered_label: 'El ciudadano respondió al pedido de información el {date}',
  },
});
