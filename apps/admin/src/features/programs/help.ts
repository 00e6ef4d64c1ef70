import { defineHelp } from '@hms/ui';

/** "About this page" on the programs screens. */
export const programsHelp = defineHelp({
  en: {
    purpose:
      'Create and change the programs citizens apply to: their texts in English and Spanish, money limits, dates, form and eligibility rules.',
    check: [
      'Every text has its Spanish, and the form preview shows no problems.',
      'The eligibility counts: a rule that turns away most past requests may be too strict.',
      'The budget and the approval threshold before asking for approval.',
    ],
    next: 'A second administrator approves the change and it goes live at once as a new version. Requests already made keep the version they were made under.',
  },
  es: {
    purpose:
      'Cree y cambie los programas a los que solicitan los ciudadanos: sus textos en inglés y español, límites de dinero, fechas, formulario y reglas de elegibilidad.',
    check: [
      'Cada texto tiene su español y la vista previa del formulario no muestra problemas.',
      'Los números de elegibilidad: una regla que rechaza la mayoría de las solicitudes anteriores puede ser demasiado estricta.',
      'El presupuesto y el umbral de aprobación antes de pedir la aprobación.',
    ],
    next: 'Otro administrador aprueba el cambio y se publica enseguida como una versión nueva. Las solicitudes ya hechas conservan la versión con la que se hicieron.',
  },
});
