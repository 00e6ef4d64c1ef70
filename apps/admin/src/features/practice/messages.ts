import { defineMessages } from '@hms/ui';

export const practiceMessages = defineMessages({
  en: {
    title: 'Practice space',
    lead: 'Train staff on made-up requests: make a practice copy of a program, fill it with practice requests, and clear them when the training is over. Practice requests are never paid.',
    loading: 'Loading the practice space…',

    programsHeading: 'Programs',
    caption: 'Programs and their practice requests',
    program: 'Program',
    kind: 'Kind',
    kindPractice: 'Practice',
    kindReal: 'Real program',
    requests: 'Practice requests',
    byStatus: '{status}: {count}',
    actions: 'Actions',
    noProgramsTitle: 'No programs yet',
    noProgramsBody: 'Create a program first; then you can make a practice copy of it here.',
    noPracticeTitle: 'No practice program yet',
    noPracticeBody:
      'Make a practice copy of a program below, then create practice requests in it for staff to work on.',
    total: 'Practice requests in all practice programs: {count}.',

    mark: 'Mark as practice',
    markLabel: 'Mark as practice: {name}',
    unmark: 'Unmark practice',
    unmarkLabel: 'Unmark practice: {name}',
    confirmMark:
      'Mark {name} as practice? Citizens will no longer see it and its payments will never be sent. HMS refuses this when the program already has requests of its own.',
    confirmUnmark:
      'Unmark {name}? It becomes a real program again. HMS refuses this while it still holds practice requests.',
    yesMark: 'Yes, mark as practice',
    yesUnmark: 'Yes, unmark',
    no: 'No, go back',
    marked: '{name} is now a practice program.',
    unmarked: '{name} is no longer a practice program.',

    copyHeading: 'Make a practice copy',
    copyLead:
      'The copy has the same questions, rules and amounts as the program, is hidden from citizens, and its payments are never sent.',
    source: 'Program to copy',
    choose: '- Select -',
    sourceRequired: 'Choose the program to copy.',
    copySubmit: 'Make a practice copy',
    copied:
      'Practice copy made: {name} (web address {slug}). Create practice requests in it below.',
    noSource: 'There is no real program to copy.',

    generateHeading: 'Create practice requests',
    generateLead:
      'Each request is submitted with a made-up applicant, answers, files and a test bank account. They wait in the approval inbox, marked Practice.',
    practiceProgram: 'Practice program',
    count: 'How many requests',
    countHint: 'A whole number from 1 to {max}.',
    programRequired: 'Choose a practice program.',
    countRequired: 'Enter how many requests to create.',
    countWhole: 'Enter a whole number, like 3.',
    countMin: 'Create at least 1 request.',
    countMax: 'Create at most {max} requests at a time.',
    generateSubmit: 'Create practice requests',
    generating: 'Creating…',
    created:
      'Practice requests created: {count}. They wait in the approval inbox, marked Practice.',
    createdCaption: 'Practice requests just created',
    reference: 'Reference',
    amount: 'Amount requested',
    needPractice: 'Make a practice copy first: no program is marked practice yet.',

    clearHeading: 'Clear practice data',
    clearLead:
      'Deletes practice requests and everything made with them: decisions, comments, payments, files and the made-up applicants. Real programs are not touched, and the audit log keeps its records.',
    scope: 'Practice data to clear',
    scopeAll: 'All practice programs ({count} requests)',
    scopeOne: '{name} ({count} requests)',
    clearSubmit: 'Clear practice data',
    confirmClearAll:
      'Delete all {count} practice requests and everything made with them? This cannot be undone.',
    confirmClearOne:
      'Delete the {count} practice requests of {name} and everything made with them? This cannot be undone.',
    yesClear: 'Yes, clear practice data',
    cleared:
      'Practice data cleared. Requests deleted: {requests}. Payments: {payments}. Files: {documents}. Made-up applicants: {applicants}.',
    nothingToClear: 'There are no practice requests to clear.',
  },
  es: {
    title: 'Espacio de práctica',
    lead: 'Entrene al personal con solicitudes inventadas: haga una copia de práctica de un programa, llénela de solicitudes de práctica y bórrelas cuando termine el entrenamiento. Las solicitudes de práctica nunca se pagan.',
    loading: 'Cargando el espacio de práctica…',

    programsHeading: 'Programas',
    caption: 'Programas y sus solicitudes de práctica',
    program: 'Programa',
    kind: 'Tipo',
    kindPractice: 'Práctica',
    kindReal: 'Programa real',
    requests: 'Solicitudes de práctica',
    byStatus: '{status}: {count}',
    actions: 'Acciones',
    noProgramsTitle: 'Todavía no hay programas',
    noProgramsBody: 'Cree primero un programa; después podrá hacer aquí una copia de práctica.',
    noPracticeTitle: 'Todavía no hay programas de práctica',
    noPracticeBody:
      'Haga abajo una copia de práctica de un programa y cree en ella solicitudes de práctica para que el personal las trabaje.',
    total: 'Solicitudes de práctica en todos los programas de práctica: {count}.',

    mark: 'Marcar como práctica',
    markLabel: 'Marcar como práctica: {name}',
    unmark: 'Quitar la marca de práctica',
    unmarkLabel: 'Quitar la marca de práctica: {name}',
    confirmMark:
      '¿Marcar {name} como práctica? Los ciudadanos dejarán de verlo y sus pagos nunca se enviarán. HMS lo rechaza si el programa ya tiene solicitudes propias.',
    confirmUnmark:
      '¿Quitar la marca de práctica de {name}? Vuelve a ser un programa real. HMS lo rechaza mientras tenga solicitudes de práctica.',
    yesMark: 'Sí, marcar como práctica',
    yesUnmark: 'Sí, quitar la marca',
    no: 'No, volver',
    marked: '{name} ahora es un programa de práctica.',
    unmarked: '{name} ya no es un programa de práctica.',

    copyHeading: 'Hacer una copia de práctica',
    copyLead:
      'La copia tiene las mismas preguntas, reglas e importes que el programa, está oculta para los ciudadanos y sus pagos nunca se envían.',
    source: 'Programa que copiar',
    choose: '- Seleccione -',
    sourceRequired: 'Elija el programa que quiere copiar.',
    copySubmit: 'Hacer una copia de práctica',
    copied:
      'Copia de práctica creada: {name} (dirección web {slug}). Cree abajo solicitudes de práctica en ella.',
    noSource: 'No hay ningún programa real que copiar.',

    generateHeading: 'Crear solicitudes de práctica',
    generateLead:
      'Cada solicitud se envía con un solicitante, respuestas, archivos y una cuenta bancaria de prueba inventados. Esperan en la bandeja de aprobación, marcadas como Práctica.',
    practiceProgram: 'Programa de práctica',
    count: 'Cuántas solicitudes',
    countHint: 'Un número entero del 1 al {max}.',
    programRequired: 'Elija un programa de práctica.',
    countRequired: 'Escriba cuántas solicitudes quiere crear.',
    countWhole: 'Escriba un número entero, como 3.',
    countMin: 'Cree al menos 1 solicitud.',
    countMax: 'Cree como máximo {max} solicitudes a la vez.',
    generateSubmit: 'Crear solicitudes de práctica',
    generating: 'Creando…',
    created:
      'Solicitudes de práctica creadas: {count}. Esperan en la bandeja de aprobación, marcadas como Práctica.',
    createdCaption: 'Solicitudes de práctica recién creadas',
    reference: 'Referencia',
    amount: 'Importe solicitado',
    needPractice:
      'Haga primero una copia de práctica: todavía no hay ningún programa marcado como práctica.',

    clearHeading: 'Borrar los datos de práctica',
    clearLead:
      'Borra las solicitudes de práctica y todo lo creado con ellas: decisiones, comentarios, pagos, archivos y los solicitantes inventados. Los programas reales no se tocan y el registro de auditoría conserva sus registros.',
    scope: 'Datos de práctica que borrar',
    scopeAll: 'Todos los programas de práctica ({count} solicitudes)',
    scopeOne: '{name} ({count} solicitudes)',
    clearSubmit: 'Borrar los datos de práctica',
    confirmClearAll:
      '¿Borrar las {count} solicitudes de práctica y todo lo creado con ellas? Esto no se puede deshacer.',
    confirmClearOne:
      '¿Borrar las {count} solicitudes de práctica de {name} y todo lo creado con ellas? Esto no se puede deshacer.',
    yesClear: 'Sí, borrar los datos de práctica',
    cleared:
      'Datos de práctica borrados. Solicitudes borradas: {requests}. Pagos: {payments}. Archivos: {documents}. Solicitantes inventados: {applicants}.',
    nothingToClear: 'No hay solicitudes de práctica que borrar.',
  },
});
