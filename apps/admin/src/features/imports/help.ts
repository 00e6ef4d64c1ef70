import { defineHelp } from '@hms/ui';

/** "About this page" on the imports screen. */
export const importsHelp = defineHelp({
  en: {
    purpose:
      'Moves the people an agency pays, with their bank accounts, and their requests from the system used before into HMS. The file formats are described in the HMS guide to imports (docs/imports.md).',
    check: [
      'Check every file before importing it: the check applies every rule, the database’s included, and changes nothing.',
      'An import is all or nothing: if any row is rejected, no row is written. Importing the same file twice changes nothing the second time.',
      'Warnings (such as a bank account shared with another payee) do not stop the import: read them before you import.',
    ],
    next: 'Imported payees can sign in only once they are given a way to set a password. Every import is recorded in the audit log with your name, the file’s fingerprint and its counts.',
  },
  es: {
    purpose:
      'Pasa a HMS a las personas a las que la agencia paga, con sus cuentas bancarias, y sus solicitudes, desde el sistema que se usaba antes. Los formatos de archivo se describen en la guía de importaciones de HMS (docs/imports.md).',
    check: [
      'Revise cada archivo antes de importarlo: la revisión aplica todas las reglas, también las de la base de datos, y no cambia nada.',
      'Una importación es todo o nada: si se rechaza alguna fila, no se escribe ninguna. Importar el mismo archivo dos veces no cambia nada la segunda vez.',
      'Las advertencias (como una cuenta bancaria compartida con otro beneficiario) no detienen la importación: léalas antes de importar.',
    ],
    next: 'Los beneficiarios importados solo pueden iniciar sesión cuando se les da una forma de crear una contraseña. Cada importación queda en el registro de auditoría con su nombre, la huella del archivo y sus cifras.',
  },
});
