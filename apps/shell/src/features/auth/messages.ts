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
    checkEmailTitle: 'Check your email',
    checkEmailBody:
      'We sent a message to {email}. Open the link in it within 24 hours to finish creating your account. If you already have an account, the message tells you how to sign in instead.',
    checkEmailSpam:
      'No message after a few minutes? Look in your spam or junk folder, or create your account again.',
    confirmTitle: 'Finish creating your account',
    confirmIntro: 'Confirm that this is your email address to create your account and sign in.',
    confirmButton: 'Confirm and sign in',
    confirming: 'Creating your account…',
    confirmMissing:
      'This page needs the link from your email. Open the link in the message we sent you, or create your account again.',
    confirmFailed:
      'This link has expired or was already used. Create your account again to get a new link, or sign in if you already finished.',
    registerAgain: 'Create your account again',
    invitationTitle: 'Set up your HMS account',
    invitationChecking: 'Checking your invitation link…',
    invitationMissing:
      'This page needs the link from your invitation email. Open the link in the message your administrator sent you.',
    invitationWelcome: 'Welcome, {name}. Choose a password for {email} to activate your account.',
    invitationExpires: 'This link works once, until {date}.',
    invitationPassword: 'New password',
    invitationPasswordHint:
      'At least 12 characters. Use a phrase of several words that you do not use anywhere else. It must not contain your email address.',
    invitationConfirm: 'Confirm your new password',
    invitationMismatch: 'Enter the same password twice',
    invitationButton: 'Activate my account',
    invitationActivating: 'Activating your account…',
    invitationAskAgain: 'Ask your administrator to send you a new invitation.',
    accountReady:
      'Your account is ready. Sign in with your email address and the password you chose.',
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
    checkEmailTitle: 'Revise su correo electrónico',
    checkEmailBody:
      'Enviamos un mensaje a {email}. Abra el enlace que contiene en las próximas 24 horas para terminar de crear su cuenta. Si ya tiene una cuenta, el mensaje le explica cómo iniciar sesión.',
    checkEmailSpam:
      '¿No le llegó nada después de unos minutos? Busque en la carpeta de correo no deseado o vuelva a crear su cuenta.',
    confirmTitle: 'Termine de crear su cuenta',
    confirmIntro:
      'Confirme que este es su correo electrónico para crear su cuenta e iniciar sesión.',
    confirmButton: 'Confirmar e iniciar sesión',
    confirming: 'Creando su cuenta…',
    confirmMissing:
      'Esta página necesita el enlace de su correo. Abra el enlace del mensaje que le enviamos o vuelva a crear su cuenta.',
    confirmFailed:
      'Este enlace venció o ya se usó. Vuelva a crear su cuenta para recibir un enlace nuevo, o inicie sesión si ya terminó.',
    registerAgain: 'Volver a crear su cuenta',
    invitationTitle: 'Prepare su cuenta de HMS',
    invitationChecking: 'Comprobando su enlace de invitación…',
    invitationMissing:
      'Esta página necesita el enlace de su correo de invitación. Abra el enlace del mensaje que le envió su administrador.',
    invitationWelcome:
      'Bienvenida o bienvenido, {name}. Elija una contraseña para {email} y active su cuenta.',
    // No period of its own: the time ends in one ("10:00 a.m."), and Spanish writes one period, not two.
    invitationExpires: 'Este enlace funciona una vez, hasta el {date}',
    invitationPassword: 'Contraseña nueva',
    invitationPasswordHint:
      'Al menos 12 caracteres. Use una frase de varias palabras que no use en otro sitio. No debe contener su correo.',
    invitationConfirm: 'Confirme su contraseña nueva',
    invitationMismatch: 'Escriba la misma contraseña dos veces',
    invitationButton: 'Activar mi cuenta',
    invitationActivating: 'Activando su cuenta…',
    invitationAskAgain: 'Pida a su administrador que le envíe una invitación nueva.',
    accountReady: 'Su cuenta está lista. Inicie sesión con su correo y la contraseña que eligió.',
  },
});

export type AuthMessageKey = keyof (typeof authMessages)['en'];
