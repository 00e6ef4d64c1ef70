import { defineMessages } from '@hms/ui';

/** The words of the citizen form itself (a step, its fields, the step indicator), in English and Spanish. */
export const intakeFormMessages = defineMessages({
  en: {
    stepOf: 'Step {n} of {total}',
    stepsLabel: 'Application progress',
    completed: 'completed',
    notCompleted: 'not completed',
    back: 'Back',
    continue: 'Save and continue',
    saving: 'Saving…',
    selectPlaceholder: '- Select -',
  },
  es: {
    stepOf: 'Paso {n} de {total}',
    stepsLabel: 'Avance de la solicitud',
    completed: 'completado',
    notCompleted: 'sin completar',
    back: 'Atrás',
    continue: 'Guardar y continuar',
    saving: 'Guardando…',
    selectPlaceholder: '- Seleccione -',
  },
});
