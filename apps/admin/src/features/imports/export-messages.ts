import { defineMessages } from '@hms/ui';

export const exportMessages = defineMessages({
  en: {
    heading: 'Export',
    lead: 'Download every payee, or every request, in the same columns as the import files. Account numbers show only their last four digits unless you choose otherwise. Every export is recorded in the audit log.',
    kind: 'What to export',
    kindPayees: 'Payees and their bank accounts',
    kindRequests: 'Requests (drafts and practice requests are left out)',
    full: 'Include full account numbers',
    fullHint:
      'Off unless you need a file to import elsewhere. The file then holds every payee’s complete bank account number: keep it encrypted and delete it when done. The audit log records this export apart.',
    fullRequestsHint: 'Requests hold no account numbers.',
    download: 'Download the export',
    downloadFull: 'Download with full account numbers',
    confirmHeading: 'Download full account numbers?',
    confirmText:
      'The file will hold the complete bank account number of every payee. Anyone who gets the file can send money requests against those accounts. The audit log records your name with this export.',
    confirm: 'Yes, download full account numbers',
    cancel: 'Cancel',
    maskedNote:
      'The masked file (****1234) is for reading and sharing; it cannot be imported again. Choose full account numbers for a file to import.',
  },
  es: {
    heading: 'Exportar',
    lead: 'Descargue todos los beneficiarios, o todas las solicitudes, con las mismas columnas que los archivos de importación. Los números de cuenta muestran solo sus cuatro últimos dígitos, salvo que elija lo contrario. Cada exportación queda registrada en el registro de auditoría.',
    kind: 'Qué exportar',
    kindPayees: 'Beneficiarios y sus cuentas bancarias',
    kindRequests: 'Solicitudes (se omiten los borradores y las solicitudes de práctica)',
    full: 'Incluir los números de cuenta completos',
    fullHint:
      'Desactivado salvo que necesite un archivo para importar en otro lugar. El archivo contendrá el número de cuenta bancaria completo de cada beneficiario: guárdelo cifrado y bórrelo al terminar. El registro de auditoría anota esta exportación aparte.',
    fullRequestsHint: 'Las solicitudes no contienen números de cuenta.',
    download: 'Descargar la exportación',
    downloadFull: 'Descargar con los números de cuenta completos',
    confirmHeading: '¿Descargar los números de cuenta completos?',
    confirmText:
      'El archivo contendrá el número de cuenta bancaria completo de cada beneficiario. Quien obtenga el archivo podría usar esas cuentas. El registro de auditoría anota su nombre con esta exportación.',
    confirm: 'Sí, descargar los números de cuenta completos',
    cancel: 'Cancelar',
    maskedNote:
      'El archivo con números ocultos (****1234) sirve para leer y compartir; no se puede volver a importar. Elija los números de cuenta completos para un archivo que se pueda importar.',
  },
});
