import type { Queryable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import * as repo from './repo.ts';
import type { Language } from '@hms/contracts/language';

/**
 * The account emails of registration by confirmation (issue 9, item 17), in both languages. A registration for a new
 * address gets the confirmation link; one for an address that already has an account tells its owner, and nobody
 * else learns which of the two happened.
 */
export type AccountEmail =
  | { kind: 'confirm-registration'; link: string; hours: number }
  | { kind: 'already-registered'; signInLink: string }
  | { kind: 'staff-invitation'; link: string; hours: number; invitedBy: string; roles: string };

export const ACCOUNT_EMAIL_SUBJECTS = {
  'confirm-registration': {
    en: 'Confirm your email to finish creating your HMS account',
    es: 'Confirme su correo para terminar de crear su cuenta de HMS',
  },
  'already-registered': {
    en: 'Someone tried to create an HMS account with your email',
    es: 'Alguien intentó crear una cuenta de HMS con su correo',
  },
  'staff-invitation': {
    en: 'You are invited to work in HMS: choose your password',
    es: 'Le invitamos a trabajar en HMS: elija su contraseña',
  },
} as const;

export function accountEmailText(
  email: AccountEmail,
  lang: Language,
): { subject: string; body: string } {
  const subject = ACCOUNT_EMAIL_SUBJECTS[email.kind][lang];
  if (email.kind === 'confirm-registration') {
    return {
      subject,
      body:
        lang === 'es'
          ? `Para terminar de crear su cuenta, abra este enlace en las próximas ${email.hours} horas:\n\n${email.link}\n\nSi usted no pidió una cuenta, ignore este correo: no se creará nada.`
          : `To finish creating your account, open this link within ${email.hours} hours:\n\n${email.link}\n\nIf you did not ask for an account, ignore this email: nothing will be created.`,
    };
  }
  if (email.kind === 'staff-invitation') {
    return {
      subject,
      body:
        lang === 'es'
          ? `${email.invitedBy} le invitó a trabajar en HMS con estos roles: ${email.roles}.\n\nPara activar su cuenta, abra este enlace en las próximas ${email.hours} horas y elija una contraseña:\n\n${email.link}\n\nEl enlace funciona una sola vez. Si no esperaba esta invitación, ignore este correo.`
          : `${email.invitedBy} invited you to work in HMS with these roles: ${email.roles}.\n\nTo activate your account, open this link within ${email.hours} hours and choose a password:\n\n${email.link}\n\nThe link works once. If you did not expect this invitation, ignore this email.`,
    };
  }
  return {
    subject,
    body:
      lang === 'es'
        ? `Alguien (quizás usted) intentó crear una cuenta de HMS con este correo, pero usted ya tiene una. No cambiamos nada.\n\nSi fue usted, inicie sesión aquí:\n\n${email.signInLink}\n\nSi no fue usted, puede ignorar este correo.`
        : `Someone (perhaps you) tried to create an HMS account with this email address, but you already have one. We changed nothing.\n\nIf it was you, sign in here:\n\n${email.signInLink}\n\nIf it was not you, you can ignore this email.`,
  };
}

/** Queues an account email in the outbox, in the caller's transaction. */
export async function queueAccountEmail(
  db: Queryable,
  to: string,
  lang: Language,
  email: AccountEmail,
): Promise<void> {
  const { subject, body } = accountEmailText(email, lang);
  await repo.insertEmail(db, { id: uuidv7(), toAddress: to, subject, body });
}
