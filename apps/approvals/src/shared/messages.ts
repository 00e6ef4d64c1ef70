import { defineMessages } from '@hms/ui';

export const sharedMessages = defineMessages({
  en: {
    on_time: 'On time',
    due_soon: 'Due soon',
    overdue: 'Overdue',
    paused: 'Paused (waiting for citizen)',
    none: 'No deadline',
  },
  es: {
    on_time: 'A tiempo',
    due_soon: 'Vence pronto',
    overdue: 'Vencida',
    paused: 'En pausa (esperando al ciudadano)',
    none: 'Sin plazo',
  },
});
