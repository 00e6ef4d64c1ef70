import { defineMessages } from '@hms/ui';

export const importsMessages = defineMessages({
  en: {
    title: 'Imports',
    lead: 'Bring payees and their bank accounts, then their requests, in from the system you used before. Check a file first: the check changes nothing and lists every problem by line and column.',
    kind: 'What the file holds',
    kindHint: 'Import the payees first: a request names its payee by the payee’s external_id.',
    kindPayees: 'Payees and their bank accounts',
    kindRequests: 'Requests (open cases and payment history)',
    file: 'CSV or Excel file',
    fileHint:
      'UTF-8 CSV with a header row, or an Excel workbook (.xlsx: its first sheet), up to 20 MB. A larger file is imported with the hms import command.',
    fileRequired: 'Choose a CSV or Excel file to check.',
    check: 'Check the file (dry run)',
    checking: 'Checking the file…',
    import: 'Import',
    importing: 'Importing…',
    importHint:
      'Import is offered once a check of this same file found no rejected row. Choose another file or kind, and check again.',
    resultHeading: 'Check of {fileName}',
    importedHeading: 'Import of {fileName}',
    columns: 'Columns found: {columns}.',
    noColumns: 'No columns were found in the file.',
    countsCaption: 'What the rows would become',
    countsCaptionDone: 'What the rows became',
    outcome: 'Outcome',
    rowCount: 'Rows',
    rows: 'Rows in the file',
    created: 'New',
    updated: 'Changed',
    unchanged: 'Already imported, unchanged',
    rejected: 'Rejected',
    clean: 'The check found no rejected row. Nothing was changed. You can import this file now.',
    cleanWithWarnings:
      'The check found no rejected row, but some rows have warnings: read them below. Nothing was changed. You can import this file now.',
    notClean:
      'The check rejected {rejected} of {rows} rows. Nothing was changed, and nothing can be imported until every row is fixed.',
    errorsCaption: 'Problems by line and column',
    line: 'Line',
    column: 'Column',
    problem: 'Problem',
    warning: 'Warning',
    warningText: 'Warning: {message}',
    errorFile: 'Download the file with an error column ({fileName})',
    errorFileHint:
      'Every row of your file, with what is wrong on each line in a first column named error. Fix the rows, delete the error column, and check the file again. Kept for an hour.',
    imported:
      'Imported {fileName}: {rows} rows. {created} new, {updated} changed, {unchanged} already imported and unchanged.',
    importRefused:
      'Nothing was imported from {fileName}: {rejected} of {rows} rows were rejected (the data changed since the check). The problems are listed below.',
    progressChecking: 'Checking {fileName}',
    progressImporting: 'Importing {fileName}',
    progressLabel: 'Rows done',
    progressStarting: 'Starting: counting the rows of the file…',
    progressRows: '{done} of {total} rows done.',
    progressLeave:
      'You can leave this page or close it: the work goes on, and reopening Imports shows where it is or what it found.',
    chooseAgainToImport:
      'To import this file, choose it again above and check it: the page was reopened, and the browser no longer has the file.',
    mappingLegend: 'Columns of the file',
    mappingHint:
      'Each column of your file and the HMS column it is read as. Names that match are chosen for you; choose the others. A column left as “Not mapped” is reported by the check as not part of the format.',
    mappingColumn: 'File column “{column}”',
    mappingNone: 'Not mapped',
    readingHeader: 'Reading the columns of the file…',
  },
  es: {
    title: 'Importaciones',
    lead: 'Traiga a los beneficiarios y sus cuentas bancarias, y luego sus solicitudes, desde el sistema que usaba antes. Revise primero el archivo: la revisión no cambia nada y enumera cada problema por línea y columna.',
    kind: 'Qué contiene el archivo',
    kindHint:
      'Importe primero a los beneficiarios: una solicitud nombra a su beneficiario por su external_id.',
    kindPayees: 'Beneficiarios y sus cuentas bancarias',
    kindRequests: 'Solicitudes (casos abiertos e historial de pagos)',
    file: 'Archivo CSV o Excel',
    fileHint:
      'CSV en UTF-8 con una fila de encabezados, o un libro de Excel (.xlsx: su primera hoja), de hasta 20 MB. Un archivo más grande se importa con el comando hms import.',
    fileRequired: 'Elija un archivo CSV o Excel para revisar.',
    check: 'Revisar el archivo (prueba)',
    checking: 'Revisando el archivo…',
    import: 'Importar',
    importing: 'Importando…',
    importHint:
      'Importar se ofrece cuando una revisión de este mismo archivo no rechazó ninguna fila. Si elige otro archivo u otro tipo, revíselo de nuevo.',
    resultHeading: 'Revisión de {fileName}',
    importedHeading: 'Importación de {fileName}',
    columns: 'Columnas encontradas: {columns}.',
    noColumns: 'No se encontraron columnas en el archivo.',
    countsCaption: 'En qué se convertirían las filas',
    countsCaptionDone: 'En qué se convirtieron las filas',
    outcome: 'Resultado',
    rowCount: 'Filas',
    rows: 'Filas del archivo',
    created: 'Nuevas',
    updated: 'Cambiadas',
    unchanged: 'Ya importadas, sin cambios',
    rejected: 'Rechazadas',
    clean:
      'La revisión no rechazó ninguna fila. No se cambió nada. Ya puede importar este archivo.',
    cleanWithWarnings:
      'La revisión no rechazó ninguna fila, pero algunas tienen advertencias: léalas abajo. No se cambió nada. Ya puede importar este archivo.',
    notClean:
      'La revisión rechazó {rejected} de {rows} filas. No se cambió nada, y no se puede importar hasta corregir todas las filas.',
    errorsCaption: 'Problemas por línea y columna',
    line: 'Línea',
    column: 'Columna',
    problem: 'Problema',
    warning: 'Advertencia',
    warningText: 'Advertencia: {message}',
    errorFile: 'Descargar el archivo con una columna de errores ({fileName})',
    errorFileHint:
      'Todas las filas de su archivo, con lo que está mal en cada línea en una primera columna llamada error. Corrija las filas, borre la columna error y revise el archivo de nuevo. Se guarda una hora.',
    imported:
      'Se importó {fileName}: {rows} filas. {created} nuevas, {updated} cambiadas, {unchanged} ya importadas y sin cambios.',
    importRefused:
      'No se importó nada de {fileName}: se rechazaron {rejected} de {rows} filas (los datos cambiaron desde la revisión). Los problemas se enumeran abajo.',
    progressChecking: 'Revisando {fileName}',
    progressImporting: 'Importando {fileName}',
    progressLabel: 'Filas procesadas',
    progressStarting: 'Comenzando: contando las filas del archivo…',
    progressRows: '{done} de {total} filas procesadas.',
    progressLeave:
      'Puede salir de esta página o cerrarla: el trabajo continúa, y al volver a abrir Importaciones verá en qué punto está o qué encontró.',
    chooseAgainToImport:
      'Para importar este archivo, elíjalo de nuevo arriba y revíselo: la página se volvió a abrir y el navegador ya no tiene el archivo.',
    mappingLegend: 'Columnas del archivo',
    mappingHint:
      'Cada columna de su archivo y la columna de HMS con la que se lee. Las que coinciden por nombre ya están elegidas; elija las demás. Una columna que quede como «Sin correspondencia» la revisión la informa como ajena al formato.',
    mappingColumn: 'Columna del archivo «{column}»',
    mappingNone: 'Sin correspondencia',
    readingHeader: 'Leyendo las columnas del archivo…',
  },
});
