import { z } from 'zod';
import { languageSchema } from './language.ts';
import { requiredText } from './required-text.ts';

export const roles = [
  'citizen',
  'approver',
  'senior_approver',
  'finance',
  'finance_supervisor',
  'admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// Emails are compared case-insensitively everywhere, so they are normalised here once.
export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .max(254, { error: 'Email address must be 254 characters or fewer.' })
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com.' }))
  .transform((v) => v.toLowerCase());

// Length only here: the common-password and contains-email checks need server data and run in the API.
export const newPasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, {
    error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
  })
  .max(PASSWORD_MAX_LENGTH, {
    error: `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer.`,
  });

export const displayNameSchema = requiredText(
  100,
  'Enter your name.',
  'Name must be 100 characters or fewer.',
);

export const registerBodySchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  displayName: displayNameSchema,
  language: languageSchema.optional(),
});
export type RegisterBody = z.input<typeof registerBodySchema>;

export const signInBodySchema = z.object({
  email: emailSchema,
  // No length rules on sign-in: the stored hash decides, and rules here would leak the password policy per account.
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(1024),
});
export type SignInBody = z.input<typeof signInBodySchema>;

export const updateMeBodySchema = z
  .object({
    language: languageSchema.optional(),
    displayName: displayNameSchema.optional(),
  })
  .refine((b) => b.language !== undefined || b.displayName !== undefined, {
    error: 'Send at least one of language or displayName.',
  });
export type UpdateMeBody = z.input<typeof updateMeBodySchema>;

export const userSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    language: languageSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userResponseSchema = z.object({ user: userSchema });
export type UserResponse = z.infer<typeof userResponseSchema>;

/**
 * Answer to a registration: the same 202 and message whether or not the address was already registered (no account
 * enumeration). The link in the email that follows finishes the registration (or tells an existing owner).
 */
export const registerResponseSchema = z.object({ message: z.string() });
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

/**
 * The token of a link HMS emails (finishing a registration, accepting a staff invitation): 32 random bytes in
 * base64url (apps/api platform/auth/tokens.ts#newToken).
 */
export const emailLinkTokenSchema = z
  .string({ error: 'token is required: open the link from the email.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, {
    error: 'token is not valid: open the link from the email again.',
  });

export const confirmRegistrationBodySchema = z.object({ token: emailLinkTokenSchema });
export type ConfirmRegistrationBody = z.input<typeof confirmRegistrationBodySchema>;

/** The failed sign-ins counted against an account (the sign-in throttle). */
export const signInLockFields = {
  failures: z.number().int(),
  /** How many different source addresses have been failing on it. */
  sources: z.number().int(),
  lastFailureAt: z.string(),
  /** While this is in the future, sources that failed on the account wait before trying again; null: no wait. */
  waitUntil: z.string().nullable(),
};

/** An account with failed sign-ins counted against it (admins see and clear these). */
export const throttledAccountSchema = z
  .object({ email: z.string(), ...signInLockFields })
  .meta({ id: 'ThrottledAccount' });
export type ThrottledAccount = z.infer<typeof throttledAccountSchema>;
export const throttledAccountsResponseSchema = z.object({ items: z.array(throttledAccountSchema) });
export const clearThrottleBodySchema = z.object({ email: emailSchema });

export const SESSION_COOKIE = 'hms_session';
export const CSRF_COOKIE = 'hms_csrf';
export const CSRF_HEADER = 'x-csrf-token';
