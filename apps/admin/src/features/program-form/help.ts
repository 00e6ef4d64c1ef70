import { defineHelp } from '@hms/ui';

/** "About this page" on a program's application form builder. */
export const programFormHelp = defineHelp({
  en: {
    purpose:
      'Build the questions citizens answer when they apply to this program: their order, their words in English and Spanish, their limits, and when each is asked.',
    check: [
      'Every problem listed is fixed: a form with problems cannot go live.',
      'The preview, in both languages: read it as a citizen would, and try the answers that show or hide a question.',
      'The amount question stays a required money question that is always asked: payments are made from its answer.',
    ],
    next: 'Saving changes only the draft. Citizens see the new form after the program is published, which a second administrator approves; requests already made keep the questions they were answered against.',
  },
  es: {
    purpose:
      'Prepare las preguntas que los ciudadanos responden al solicitar este programa: su orden, su texto en inglés y en español, sus límites y cuándo se hace cada una.',
    check: [
      'Que se corrija cada problema de la lista: un formulario con problemas no se puede publicar.',
      'La vista previa, en los dos idiomas: léala como un ciudadano y pruebe las respuestas que muestran u ocultan una pregunta.',
      'Que la pregunta del importe siga siendo una pregunta de dinero obligatoria que siempre se hace: los pagos salen de su respuesta.',
    ],
    next: 'Guardar cambia solo el borrador. Los ciudadanos ven el nuevo formulario cuando se publica el programa, con la aprobación de un segundo administrador; las solicitudes ya hechas conservan las preguntas con las que se respondieron.',
  },
});
