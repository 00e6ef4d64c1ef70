import { defineMessages } from '@hms/ui';

export const notificationMessages = defineMessages({
  en: {
    title: 'Notifications',
    lead: 'Messages about your requests. We also send them by email.',
    loading: 'Loading your notifications…',
    empty: 'You have no notifications',
    emptyBody: 'We will tell you here when something happens to one of your requests.',
    unread: 'Unread',
    markAll: 'Mark all as read',
    markRead: 'Mark as read',
    viewRequest: 'View the request',
    loadMore: 'Show more notifications',
    allMarked: 'All your notifications are marked as read.',
    marked: 'Marked as read: {title}',
  },
  es: {
    title: 'Notificaciones',
    lead: 'Mensajes sobre sus solicitudes. También se los enviamos por correo electrónico.',
    loading: 'Cargando sus notificaciones…',
    empty: 'No tiene notificaciones',
    emptyBody: 'Aquí le avisaremos cuando pase algo con una de sus solicitudes.',
    unread: 'No leída',
    markAll: 'Marcar todas como leídas',
    markRead: 'Marcar como leída',
    viewRequest: 'Ver la solicitud',
    loadMore: 'Mostrar más notificaciones',
    allMarked: 'Todas sus notificaciones están marcadas como leídas.',
    marked: 'Marcada como leída: {title}',
  },
});
