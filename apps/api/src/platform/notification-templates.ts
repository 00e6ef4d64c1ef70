import { formatCents } from '@hms/contracts/money';
import { formatPlainDate } from '@hms/contracts/people-format';
import type { Language } from '@hms/contracts/language';

/** What a template may use: the request's reference, its program name and the event's own data. */
export interface TemplateContext {
  reference: string;
  programName: { en: string; es: string };
  data: Record<string, unknown>;
}

interface Message {
  title: string;
  body: string;
}

type Template = (ctx: TemplateContext, lang: Language) => Message;

/**
 * The notification for `template` (a request event type) in `language`, or null for an unknown template. Used when
 * the event happens (email, stored text) and again each time the citizen reads it, in their current language.
 */
export function renderNotification(
  template: string,
  ctx: TemplateContext,
  language: Language,
): Message | null {
  const render = notificationTemplates[template];
  return render ? render(ctx, language) : null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
// Event data keeps dates as YYYY-MM-DD; a person reads them in words ("1 de diciembre de 2026").
const day = (value: unknown, lang: Language): string =>
  typeof value === 'string' ? formatPlainDate(value, lang) : '';
const money = (value: unknown, lang: Language): string =>
  typeof value === 'number' ? formatCents(value, lang) : '';

/**
 * The citizen-facing message for each request event, in both languages. An event type with no template
 * creates no notification (internal steps such as a claim or a staff comment).
 */
export const notificationTemplates: Partial<Record<string, Template>> = {
  submitted: ({ reference, programName }, lang) =>
    lang === 'es'
      ? {
          title: `Recibimos su solicitud ${reference}`,
          body: `Su solicitud para ${programName.es} fue enviada. Le avisaremos cuando la revisemos.`,
        }
      : {
          title: `We received your request ${reference}`,
          body: `Your request for ${programName.en} has been submitted. We will tell you when it has been reviewed.`,
        },
  info_requested: ({ reference, data }, lang) =>
    lang === 'es'
      ? {
          title: `Necesitamos más información sobre ${reference}`,
          body: `El revisor pregunta: ${text(data.question)} Responda en la página de su solicitud.`,
        }
      : {
          title: `We need more information about ${reference}`,
          body: `The reviewer asks: ${text(data.question)} Answer on your request's page.`,
        },
  info_provided: ({ reference }, lang) =>
    lang === 'es'
      ? {
          title: `Recibimos su respuesta sobre ${reference}`,
          body: 'Su solicitud se está revisando de nuevo. Le avisaremos cuando se tome una decisión.',
        }
      : {
          title: `We received your answer about ${reference}`,
          body: 'Your request is being reviewed again. We will tell you when a decision is made.',
        },
  approved: ({ reference, data }, lang) =>
    lang === 'es'
      ? {
          title: `Su solicitud ${reference} fue aprobada`,
          body: `Se aprobó un pago de ${money(data.amountCents, lang)}. Le avisaremos cuando se envíe a su banco.`,
        }
      : {
          title: `Your request ${reference} was approved`,
          body: `A payment of ${money(data.amountCents, lang)} was approved. We will tell you when it is sent to your bank.`,
        },
  rejected: ({ reference, data }, lang) =>
    lang === 'es'
      ? { title: `Su solicitud ${reference} no fue aprobada`, body: text(data.messageToApplicant) }
      : {
          title: `Your request ${reference} was not approved`,
          body: text(data.messageToApplicant),
        },
  withdrawn: ({ reference }, lang) =>
    lang === 'es'
      ? {
          title: `Retiró su solicitud ${reference}`,
          body: 'No haremos nada más con esta solicitud.',
        }
      : {
          title: `You withdrew your request ${reference}`,
          body: 'We will take no further action on it.',
        },
  payment_sent: ({ reference, data }, lang) =>
    lang === 'es'
      ? {
          title: `Enviamos su pago de ${reference}`,
          body: `Enviamos ${money(data.amountCents, lang)} a su cuenta que termina en ${text(data.accountLast4)}. Debería llegar el ${day(data.effectiveDate, lang)}.`,
        }
      : {
          title: `Your payment for ${reference} was sent`,
          body: `We sent ${money(data.amountCents, lang)} to your account ending ${text(data.accountLast4)}. It should arrive on ${day(data.effectiveDate, lang)}.`,
        },
  payment_returned: ({ reference, data }, lang) =>
    lang === 'es'
      ? {
          title: `Su banco devolvió el pago de ${reference}`,
          body: `${text(data.reasonEs) || text(data.reason)}${data.accountFixable ? ' Indique una nueva cuenta bancaria en la página de su solicitud.' : ''}`,
        }
      : {
          title: `Your bank returned the payment for ${reference}`,
          body: `${text(data.reason)}${data.accountFixable ? " Give us a new bank account on your request's page." : ''}`,
        },
  account_updated: ({ reference }, lang) =>
    lang === 'es'
      ? {
          title: `Actualizó la cuenta bancaria de ${reference}`,
          body: 'Enviaremos el pago a la nueva cuenta.',
        }
      : {
          title: `You updated the bank account for ${reference}`,
          body: 'We will send the payment to the new account.',
        },
  paid: ({ reference, data }, lang) =>
    lang === 'es'
      ? {
          title: `Pago completado: ${reference}`,
          body: `Su banco confirmó el pago de ${money(data.amountCents, lang)}.`,
        }
      : {
          title: `Payment complete: ${reference}`,
          body: `Your bank confirmed the payment of ${money(data.amountCents, lang)}.`,
        },
};
