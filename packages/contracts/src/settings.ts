/**
 * Agency settings an administrator changes in the browser (issue 11, item 6): the ACH originator, the same-day
 * cut-off, the prenote wait, session lifetimes and the second approval for publishing programs. The environment
 * variables (HMS_ACH_*, HMS_SESSION_*) are only the values of the first start; after that the stored settings rule.
 */
import { z } from 'zod';
import { personRefSchema } from './person-ref.ts';
import type { Language } from './language.ts';
import { isValidRoutingNumber, stripSeparators } from './routing-number.ts';

export const SETTINGS_LIMITS = {
  prenoteWaitDays: { min: 1, max: 30 },
  sessionIdleMinutes: { min: 5, max: 24 * 60 },
  sessionTtlHours: { min: 1, max: 24 * 30 },
} as const;

const MESSAGES = {
  en: {
    companyName:
      "Enter the company name: 1 to 16 letters, digits, spaces or & . , ' - (it is printed on bank statements)",
    companyId:
      'Enter the company id: exactly 10 letters or digits, usually 1 followed by the 9-digit EIN',
    odfiRouting: "Enter the agency bank's 9-digit routing number, with a valid check digit",
    immediateDestination:
      'Enter the immediate destination: a 9-digit routing number with a valid check digit',
    immediateDestinationName: 'Enter the destination name: 1 to 23 letters, digits or spaces',
    immediateOrigin:
      'Enter the immediate origin: a 9-digit routing number with a valid check digit, or the 10-digit id your bank gave you',
    immediateOriginName: 'Enter the origin name: 1 to 23 letters, digits or spaces',
    sameDayCutoff: 'Enter the same-day cut-off as a 24-hour time, like 14:45',
    prenoteWaitDays: `Enter the prenote wait as a whole number of business days from ${SETTINGS_LIMITS.prenoteWaitDays.min} to ${SETTINGS_LIMITS.prenoteWaitDays.max}`,
    sessionIdleMinutes: `Enter the idle timeout as a whole number of minutes from ${SETTINGS_LIMITS.sessionIdleMinutes.min} to ${SETTINGS_LIMITS.sessionIdleMinutes.max}`,
    sessionIdleLonger: 'The idle timeout must be shorter than the session lifetime',
    sessionTtlHours: `Enter the session lifetime as a whole number of hours from ${SETTINGS_LIMITS.sessionTtlHours.min} to ${SETTINGS_LIMITS.sessionTtlHours.max}`,
    publishNeedsSecondApproval: 'Choose whether publishing a program needs a second administrator',
    version: 'Reload the page: the version of the settings you edited is missing',
  },
  es: {
    companyName:
      "Escriba el nombre de la empresa: de 1 a 16 letras, dígitos, espacios o & . , ' - (aparece en los estados de cuenta)",
    companyId:
      'Escriba el identificador de la empresa: exactamente 10 letras o dígitos, normalmente 1 seguido del EIN de 9 dígitos',
    odfiRouting:
      'Escriba el número de ruta de 9 dígitos del banco de la agencia, con un dígito de control válido',
    immediateDestination:
      'Escriba el destino inmediato: un número de ruta de 9 dígitos con un dígito de control válido',
    immediateDestinationName: 'Escriba el nombre del destino: de 1 a 23 letras, dígitos o espacios',
    immediateOrigin:
      'Escriba el origen inmediato: un número de ruta de 9 dígitos con un dígito de control válido, o el identificador de 10 dígitos que le dio su banco',
    immediateOriginName: 'Escriba el nombre del origen: de 1 a 23 letras, dígitos o espacios',
    sameDayCutoff: 'Escriba la hora límite del mismo día en formato de 24 horas, como 14:45',
    prenoteWaitDays: `Escriba la espera del prenote como un número entero de días hábiles entre ${SETTINGS_LIMITS.prenoteWaitDays.min} y ${SETTINGS_LIMITS.prenoteWaitDays.max}`,
    sessionIdleMinutes: `Escriba el tiempo de inactividad como un número entero de minutos entre ${SETTINGS_LIMITS.sessionIdleMinutes.min} y ${SETTINGS_LIMITS.sessionIdleMinutes.max}`,
    sessionIdleLonger: 'El tiempo de inactividad debe ser menor que la duración de la sesión',
    sessionTtlHours: `Escriba la duración de la sesión como un número entero de horas entre ${SETTINGS_LIMITS.sessionTtlHours.min} y ${SETTINGS_LIMITS.sessionTtlHours.max}`,
    publishNeedsSecondApproval: 'Elija si publicar un programa necesita un segundo administrador',
    version: 'Vuelva a cargar la página: falta la versión de los ajustes que editó',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type SettingsField =
  | 'companyName'
  | 'companyId'
  | 'odfiRouting'
  | 'immediateDestination'
  | 'immediateDestinationName'
  | 'immediateOrigin'
  | 'immediateOriginName'
  | 'sameDayCutoff'
  | 'prenoteWaitDays'
  | 'sessionIdleMinutes'
  | 'sessionTtlHours'
  | 'publishNeedsSecondApproval';

/** The fields of the settings form, in the order the screen shows them (and its error summary lists them). */
export const settingsFields: readonly SettingsField[] = [
  'companyName',
  'companyId',
  'odfiRouting',
  'immediateDestination',
  'immediateDestinationName',
  'immediateOrigin',
  'immediateOriginName',
  'sameDayCutoff',
  'prenoteWaitDays',
  'sessionTtlHours',
  'sessionIdleMinutes',
  'publishNeedsSecondApproval',
];

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const ACH_NAME = (max: number) => new RegExp(`^[A-Za-z0-9 &.,'-]{1,${max}}$`);

/** A whole number in [min, max] (the browser form converts its text with Number() first). */
function wholeNumber(message: string, { min, max }: { min: number; max: number }) {
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

/** Uppercased and trimmed: NACHA fields are uppercase, and people type mixed case. */
const upperText = (message: string, pattern: RegExp) =>
  z
    .string({ error: message })
    .overwrite((v) => v.trim().toUpperCase())
    .regex(pattern, { error: message });

const digits = (message: string) => z.string({ error: message }).overwrite(stripSeparators);

function valuesShape(language: Language) {
  const m = MESSAGES[language];
  return {
    companyName: upperText(m.companyName, ACH_NAME(16)),
    companyId: upperText(m.companyId, /^[A-Z0-9]{10}$/),
    odfiRouting: digits(m.odfiRouting).refine(isValidRoutingNumber, { error: m.odfiRouting }),
    immediateDestination: digits(m.immediateDestination).refine(isValidRoutingNumber, {
      error: m.immediateDestination,
    }),
    immediateDestinationName: upperText(m.immediateDestinationName, ACH_NAME(23)),
    immediateOrigin: digits(m.immediateOrigin).refine(
      (v) => /^[0-9]{10}$/.test(v) || isValidRoutingNumber(v),
      { error: m.immediateOrigin },
    ),
    immediateOriginName: upperText(m.immediateOriginName, ACH_NAME(23)),
    sameDayCutoff: z
      .string({ error: m.sameDayCutoff })
      .overwrite((v) => v.trim())
      .regex(HHMM, { error: m.sameDayCutoff }),
    prenoteWaitDays: wholeNumber(m.prenoteWaitDays, SETTINGS_LIMITS.prenoteWaitDays),
    sessionTtlHours: wholeNumber(m.sessionTtlHours, SETTINGS_LIMITS.sessionTtlHours),
    sessionIdleMinutes: wholeNumber(m.sessionIdleMinutes, SETTINGS_LIMITS.sessionIdleMinutes),
    publishNeedsSecondApproval: z.boolean({ error: m.publishNeedsSecondApproval }),
  };
}

/** The idle timeout must end before the session's absolute lifetime does, or it would never apply. */
function idleShorterThanLifetime(language: Language) {
  return (v: { sessionIdleMinutes: unknown; sessionTtlHours: unknown }, ctx: z.RefinementCtx) => {
    if (
      typeof v.sessionIdleMinutes === 'number' &&
      typeof v.sessionTtlHours === 'number' &&
      v.sessionIdleMinutes >= v.sessionTtlHours * 60
    )
      ctx.addIssue({
        code: 'custom',
        path: ['sessionIdleMinutes'],
        message: MESSAGES[language].sessionIdleLonger,
      });
  };
}

/** The settings an administrator edits, checked with the messages of `language`. */
export function settingsValuesSchemaIn(language: Language) {
  return z.object(valuesShape(language)).superRefine(idleShorterThanLifetime(language));
}
export const settingsValuesSchema = settingsValuesSchemaIn('en');
export type SettingsValues = z.output<typeof settingsValuesSchema>;

/** PUT body: every value, and the version they were read at (optimistic concurrency: a stale one gets 409). */
export function updateSettingsBodySchemaIn(language: Language) {
  const m = MESSAGES[language];
  return z
    .object({
      ...valuesShape(language),
      version: z
        .number({ error: m.version })
        .int({ error: m.version })
        .min(1, { error: m.version }),
    })
    .superRefine(idleShorterThanLifetime(language));
}
export const updateSettingsBodySchema = updateSettingsBodySchemaIn('en');
export type UpdateSettingsBody = z.input<typeof updateSettingsBodySchema>;

export const settingsSchema = z.object({
  companyName: z.string(),
  companyId: z.string(),
  odfiRouting: z.string(),
  immediateDestination: z.string(),
  immediateDestinationName: z.string(),
  immediateOrigin: z.string(),
  immediateOriginName: z.string(),
  sameDayCutoff: z.string(),
  prenoteWaitDays: z.number().int(),
  sessionTtlHours: z.number().int(),
  sessionIdleMinutes: z.number().int(),
  publishNeedsSecondApproval: z.boolean(),
  /** Send it back with a change; it goes up by one with each saved change. */
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: personRefSchema.nullable(),
  /** The agency time zone the cut-off is in (HMS_TIMEZONE; not editable here). */
  timeZone: z.string(),
});
export type Settings = z.infer<typeof settingsSchema>;
