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

/** "About this page" on creating a new program (issue 11: panels on every staff screen). */
export const programNewHelp = defineHelp({
  en: {
    purpose:
      'Start a new program: its web address (slug) and names. Everything else (questions, rules, amounts, dates) is set on the draft that opens next.',
    check: [
      'The slug: lower-case words joined by dashes. It becomes part of the citizen’s address and cannot change once published.',
      'The name in English and in Spanish: citizens see it in the catalog.',
    ],
    next: 'HMS creates a draft only administrators see. Citizens see nothing until a second administrator approves publishing it.',
  },
  es: {
    purpose:
      'Cree un programa nuevo: su dirección web (slug) y sus nombres. Todo lo demás (preguntas, reglas, montos, fechas) se define en el borrador que se abre después.',
    check: [
      'El slug: palabras en minúsculas unidas por guiones. Forma parte de la dirección del ciudadano y no puede cambiar una vez publicado.',
      'El nombre en inglés y en español: los ciudadanos lo ven en el catálogo.',
    ],
    next: 'HMS crea un borrador que solo ven los administradores. Los ciudadanos no ven nada hasta que un segundo administrador aprueba publicarlo.',
  },
});
