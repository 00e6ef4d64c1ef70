import { defineMessages } from '@hms/ui';

export const simulationMessages = defineMessages({
  en: {
    title: 'Policy simulation',
    lead: 'Replay a period of a program’s real requests under different parameters and see, beside what happened, who would be approved and paid, when the budget would run out, and the reviewers’ work. Nothing is changed by running a simulation.',
    readOnly:
      'You can run simulations. Saving a scenario or turning it into a draft program version is for administrators.',
    loadingPrograms: 'Loading the programs…',
    noProgramsTitle: 'No programs to simulate',
    noProgramsBody: 'A simulation replays a program’s past requests. Create a program first.',

    formLabel: 'Simulation parameters',
    periodHeading: 'Program and period',
    program: 'Program',
    choose: '- Select -',
    from: 'From',
    to: 'To',
    dateHint: 'For example, 2026-06-01',
    changesHeading: 'Changes to try',
    changesHint:
      'Leave a field blank to keep what happened. Changes apply to the requests submitted in the period.',
    maxAmount: 'Maximum amount a request may ask for',
    threshold: 'Approval threshold',
    thresholdHint: 'Approvals of more than this need a senior second approval.',
    budget: 'Budget',
    budgetHint: 'The program’s whole budget, used by requests in the order they were submitted.',
    deadline: 'Review deadline',
    deadlineHint: 'In business days after submission, 1 to 120.',
    dollarsHint: 'In dollars, for example 1,500',
    run: 'Run simulation',
    running: 'Running the simulation…',

    programRequired: 'Select a program',
    fromRequired: 'Enter the first day of the period',
    toRequired: 'Enter the last day of the period',
    dateInvalid: 'Enter a real date, for example 2026-06-01',
    toBeforeFrom: 'The last day must be the same as or after the first day',
    dollarsInvalid: 'Enter an amount in dollars, like 1,500 or 1,500.50',
    dollarsTooSmall: 'Enter an amount of at least 1 cent',
    daysInvalid: 'Enter a whole number of business days from 1 to 120',

    resultHeading: 'Result',
    resultLead: '{program}, {from} to {to}.',
    comparisonCaption: 'What happened and the scenario, side by side',
    figure: 'Figure',
    baseline: 'What happened',
    scenario: 'Scenario',
    difference: 'Difference',
    changed: 'Changed',
    none: 'None',
    noChange: 'No change',
    noChangesRun:
      'You ran the period without any change: the scenario is what happened, figure for figure.',

    countAndAmount: '{count} ({amount})',

    qualifyHeading: 'Who would change side',
    noLonger: 'No longer qualifying',
    newly: 'Newly qualifying',
    qualifySummary:
      '{noLonger} no longer qualify ({noLongerAmount}); {newly} newly qualify ({newlyAmount}).',
    byBandCaption: 'Requests that change side, by amount asked for',
    byLanguageCaption: 'Requests that change side, by the applicant’s language',
    band: 'Amount asked for',
    bandRange: '{min} to under {max}',
    bandFrom: '{min} or more',
    language: 'Language',
    langEn: 'English',
    langEs: 'Spanish',
    newlyNote:
      'Intake turns away applications that do not qualify before they become requests, so a looser rule cannot count the people it would bring in: newly qualifying counts only requests HMS holds.',
  },
  es: {
    title: 'Simulación de políticas',
    lead: 'Vuelva a procesar un período de solicitudes reales de un programa con otros parámetros y vea, junto a lo que pasó, quién sería aprobado y pagado, cuándo se agotaría el presupuesto y el trabajo de los revisores. Ejecutar una simulación no cambia nada.',
    readOnly:
      'Puede ejecutar simulaciones. Guardar un escenario o convertirlo en un borrador de versión del programa corresponde a los administradores.',
    loadingPrograms: 'Cargando los programas…',
    noProgramsTitle: 'No hay programas para simular',
    noProgramsBody:
      'Una simulación vuelve a procesar las solicitudes pasadas de un programa. Primero cree un programa.',

    formLabel: 'Parámetros de la simulación',
    periodHeading: 'Programa y período',
    program: 'Programa',
    choose: '- Seleccione -',
    from: 'Desde',
    to: 'Hasta',
    dateHint: 'Por ejemplo, 2026-06-01',
    changesHeading: 'Cambios a probar',
    changesHint:
      'Deje un campo vacío para conservar lo que pasó. Los cambios se aplican a las solicitudes enviadas en el período.',
    maxAmount: 'Monto máximo que puede pedir una solicitud',
    threshold: 'Umbral de aprobación',
    thresholdHint:
      'Las aprobaciones de más de este monto necesitan una segunda aprobación superior.',
    budget: 'Presupuesto',
    budgetHint:
      'El presupuesto total del programa, usado por las solicitudes en el orden en que se enviaron.',
    deadline: 'Plazo de revisión',
    deadlineHint: 'En días hábiles después del envío, de 1 a 120.',
    dollarsHint: 'En dólares, por ejemplo 1,500',
    run: 'Ejecutar simulación',
    running: 'Ejecutando la simulación…',

    programRequired: 'Seleccione un programa',
    fromRequired: 'Indique el primer día del período',
    toRequired: 'Indique el último día del período',
    dateInvalid: 'Indique una fecha real, por ejemplo 2026-06-01',
    toBeforeFrom: 'El último día debe ser igual o posterior al primero',
    dollarsInvalid: 'Indique un monto en dólares, como 1,500 o 1,500.50',
    dollarsTooSmall: 'Indique un monto de al menos 1 centavo',
    daysInvalid: 'Indique un número entero de días hábiles de 1 a 120',

    resultHeading: 'Resultado',
    resultLead: '{program}, del {from} al {to}.',
    comparisonCaption: 'Lo que pasó y el escenario, lado a lado',
    figure: 'Cifra',
    baseline: 'Lo que pasó',
    scenario: 'Escenario',
    difference: 'Diferencia',
    changed: 'Cambió',
    none: 'Ninguna',
    noChange: 'Sin cambio',
    noChangesRun:
      'Ejecutó el período sin ningún cambio: el escenario es lo que pasó, cifra por cifra.',

    countAndAmount: '{count} ({amount})',

    qualifyHeading: 'Quién cambiaría de lado',
    noLonger: 'Dejan de calificar',
    newly: 'Califican por primera vez',
    qualifySummary:
      '{noLonger} dejan de calificar ({noLongerAmount}); {newly} califican por primera vez ({newlyAmount}).',
    byBandCaption: 'Solicitudes que cambian de lado, por monto pedido',
    byLanguageCaption: 'Solicitudes que cambian de lado, por idioma de la persona solicitante',
    band: 'Monto pedido',
    bandRange: 'De {min} a menos de {max}',
    bandFrom: '{min} o más',
    language: 'Idioma',
    langEn: 'Inglés',
    langEs: 'Español',
    newlyNote:
      'La solicitud en línea rechaza antes de crearlas las solicitudes que no califican, así que una regla más amplia no puede contar a las personas que sumaría: "califican por primera vez" solo cuenta solicitudes que HMS tiene.',
  },
});
