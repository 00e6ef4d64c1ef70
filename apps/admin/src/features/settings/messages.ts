import { defineMessages } from '@hms/ui';

export const settingsMessages = defineMessages({
  en: {
    title: 'Agency settings',
    lead: 'The bank file originator, ACH timing, sign-in sessions and publishing. A saved change applies at once: the next batch, sign-in or request uses it.',
    loading: 'Loading settings…',
    originator: 'ACH originator',
    originatorHint: 'Printed in every NACHA file. Your bank gives you these values.',
    companyName: 'Company name',
    companyNameHint: 'Up to 16 characters; shown on the payee’s bank statement.',
    companyId: 'Company id',
    companyIdHint: '10 characters, usually 1 followed by the agency’s 9-digit EIN.',
    odfiRouting: 'Agency bank (ODFI) routing number',
    odfiRoutingHint: '9 digits.',
    immediateDestination: 'Immediate destination routing number',
    immediateDestinationHint: '9 digits: where the file is sent (often the Federal Reserve).',
    immediateDestinationName: 'Immediate destination name',
    immediateOrigin: 'Immediate origin',
    immediateOriginHint: 'A 9-digit routing number, or the 10-digit id your bank gave you.',
    immediateOriginName: 'Immediate origin name',
    nameHint23: 'Up to 23 characters.',
    timing: 'ACH timing',
    sameDayCutoff: 'Same-day cut-off',
    sameDayCutoffHint:
      '24-hour time in {timeZone}, like 14:45. Batches built after it settle the next business day.',
    prenoteWaitDays: 'Prenote wait (business days)',
    prenoteWaitDaysHint:
      'Business days after a prenote is released before live payments go to that account.',
    sessions: 'Sign-in sessions',
    sessionTtlHours: 'Session lifetime (hours)',
    sessionTtlHoursHint: 'A person signs in again after this long, however active.',
    sessionIdleMinutes: 'Idle timeout (minutes)',
    sessionIdleMinutesHint:
      'A session ends after this long without activity. Shorter than the lifetime.',
    publishing: 'Publishing programs',
    publishNeedsSecondApproval: 'Publishing a program needs a second administrator’s approval',
    publishHint:
      'Recommended: dual control, like batch release. Turning it off is recorded in the audit log.',
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Settings saved',
    savedBody: 'Version {version}. The new values apply from now on.',
    noChange: 'Nothing changed: the settings are as they were.',
    lastChanged: 'Last changed {when} by {who}.',
    neverChanged: 'Not changed since HMS first started (the values came from its configuration).',
    reload: 'Reload the settings',
  },
  es: {
    title: 'Ajustes de la agencia',
    lead: 'El originador del archivo bancario, los plazos ACH, las sesiones y la publicación. Un cambio guardado se aplica de inmediato: el siguiente lote, inicio de sesión o solicitud lo usa.',
    loading: 'Cargando ajustes…',
    originator: 'Originador ACH',
    originatorHint: 'Aparece en cada archivo NACHA. Su banco le da estos valores.',
    companyName: 'Nombre de la empresa',
    companyNameHint: 'Hasta 16 caracteres; aparece en el estado de cuenta del beneficiario.',
    companyId: 'Identificador de la empresa',
    companyIdHint: '10 caracteres, normalmente 1 seguido del EIN de 9 dígitos de la agencia.',
    odfiRouting: 'Número de ruta del banco de la agencia (ODFI)',
    odfiRoutingHint: '9 dígitos.',
    immediateDestination: 'Número de ruta del destino inmediato',
    immediateDestinationHint:
      '9 dígitos: adónde se envía el archivo (a menudo la Reserva Federal).',
    immediateDestinationName: 'Nombre del destino inmediato',
    immediateOrigin: 'Origen inmediato',
    immediateOriginHint:
      'Un número de ruta de 9 dígitos, o el identificador de 10 dígitos que le dio su banco.',
    immediateOriginName: 'Nombre del origen inmediato',
    nameHint23: 'Hasta 23 caracteres.',
    timing: 'Plazos ACH',
    sameDayCutoff: 'Hora límite del mismo día',
    sameDayCutoffHint:
      'Hora de 24 horas en {timeZone}, como 14:45. Los lotes creados después se liquidan el siguiente día hábil.',
    prenoteWaitDays: 'Espera del prenote (días hábiles)',
    prenoteWaitDaysHint:
      'Días hábiles tras liberar un prenote antes de enviar pagos reales a esa cuenta.',
    sessions: 'Sesiones',
    sessionTtlHours: 'Duración de la sesión (horas)',
    sessionTtlHoursHint:
      'Pasado este tiempo hay que volver a iniciar sesión, aunque haya actividad.',
    sessionIdleMinutes: 'Tiempo de inactividad (minutos)',
    sessionIdleMinutesHint:
      'La sesión termina tras este tiempo sin actividad. Menor que la duración.',
    publishing: 'Publicación de programas',
    publishNeedsSecondApproval:
      'Publicar un programa necesita la aprobación de un segundo administrador',
    publishHint:
      'Recomendado: doble control, como al liberar lotes. Desactivarlo queda en el registro de auditoría.',
    save: 'Guardar ajustes',
    saving: 'Guardando…',
    saved: 'Ajustes guardados',
    savedBody: 'Versión {version}. Los nuevos valores se aplican desde ahora.',
    noChange: 'No cambió nada: los ajustes siguen como estaban.',
    lastChanged: 'Último cambio el {when} por {who}.',
    neverChanged:
      'Sin cambios desde que HMS se inició por primera vez (los valores vienen de su configuración).',
    reload: 'Volver a cargar los ajustes',
  },
});
