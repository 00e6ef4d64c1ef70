import { defineMessages } from '@hms/ui';

export const authMessages = defineMessages({
  en: {
    signInTitle: 'Sign in',
    email: 'Email',
    password: 'Password',
    signInButton: 'Sign in',
    signingIn: 'Signing in…',
    noAccount: 'No account yet?',
    createAccount: 'Create an account',
    emailRequired: 'Enter your email address',
    emailInvalid: 'Enter an email address in the correct format, like name@example.com',
    passwordRequired: 'Enter your password',
    throttled: 'Too many sign-in attempts. Wait {seconds} seconds, then try again.',
    throttledNoTime: 'Too many sign-in attempts. Wait a few minutes, then try again.',
    registerTitle: 'Create an account',
    displayName: 'Full name',
    displayNameHint: 'The name we will use when we write to you.',
    displayNameRequired: 'Enter your name',
    passwordRules:
      'Use at least 12 characters. Long phrases are easier to remember; common or breached passwords are not accepted.',
    passwordTooShort: 'Password must be at least 12 characters',
    passwordTooLong: 'Password must be 128 characters or fewer',
    registerButton: 'Create account',
    registering: 'Creating your account…',
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in',
  },
  es: {
    signInTitle: 'Iniciar sesión',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signInButton: 'Iniciar sesión',
    signingIn: 'Iniciando sesión…',
    noAccount: '¿Todavía no tiene una cuenta?',
    createAccount: 'Crear una cuenta',
    emailRequired: 'Escriba su correo electrónico',
    emailInvalid: 'Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com',
    passwordRequired: 'Escriba su contraseña',
    throttled:
      'Demasiados intentos de inicio de sesión. Espere {seconds} segundos y vuelva a intentarlo.',
    throttledNoTime:
      'Demasiados intentos de inicio de sesión. Espere unos minutos y vuelva a intentarlo.',
    registerTitle: 'Crear una cuenta',
    displayName: 'Nombre completo',
    displayNameHint: 'El nombre que usaremos cuando le escribamos.',
    displayNameRequired: 'Escriba su nombre',
    passwordRules:
      'Use al menos 12 caracteres. Las frases largas son más fáciles de recordar; no se aceptan contraseñas comunes o filtradas.',
    passwordTooShort: 'La contraseña debe tener al menos 12 caracteres',
    passwordTooLong: 'La contraseña debe tener 128 caracteres o menos',
    registerButton: 'Crear cuenta',
    registering: 'Creando su cuenta…',
    haveAccount: '¿Ya tiene una cuenta?',
    signInLink: 'Iniciar sesión',
  },
});

export type AuthMessageKey = keyof (typeof authMessages)['en'];
