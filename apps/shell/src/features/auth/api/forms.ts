import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@hms/contracts/auth';
import { z } from 'zod';
import type { AuthMessageKey } from '../messages.ts';

// Validation messages are catalog keys, translated when shown, so a language switch re-renders them.
// Lengths come from @hms/contracts (the API's own rules); messages stay local because they are bilingual.
// The API validates the same rules again (and more, e.g. breached passwords); its field errors are mapped
// back onto these fields.
const email = z
  .string()
  .trim()
  .min(1, 'emailRequired' satisfies AuthMessageKey)
  .email('emailInvalid' satisfies AuthMessageKey);

export const signInForm = z.object({
  email,
  password: z.string().min(1, 'passwordRequired' satisfies AuthMessageKey),
});
export type SignInForm = z.infer<typeof signInForm>;

export const registerForm = z.object({
  email,
  displayName: z
    .string()
    .trim()
    .min(1, 'displayNameRequired' satisfies AuthMessageKey),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, 'passwordTooShort' satisfies AuthMessageKey)
    .max(PASSWORD_MAX_LENGTH, 'passwordTooLong' satisfies AuthMessageKey),
});
export type RegisterForm = z.infer<typeof registerForm>;
