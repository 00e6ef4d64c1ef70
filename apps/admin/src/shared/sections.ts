import { defineMessages, type Language } from '@hms/ui';

/** A screen of the administration area: its link in the side nav and its entry on the overview. */
export interface AdminSection {
  /** Path under /admin ('' is the overview). */
  path: string;
  /** Link text and overview summary, in each language. */
  text: Record<Language, { title: string; summary: string }>;
}

// THE list of administration screens, in the order the side nav and the overview show them. A new screen adds one
// entry here (and its <Route> in ../routes.tsx); each entry carries its own words so additions stay one block each.
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    path: 'programs',
    text: {
      en: {
        title: 'Programs',
        summary:
          'Create programs, edit their texts, form and eligibility rules, and publish new versions with a second administrator’s approval.',
      },
      es: {
        title: 'Programas',
        summary:
          'Cree programas, edite sus textos, formulario y reglas de elegibilidad, y publique versiones nuevas con la aprobación de otro administrador.',
      },
    },
  },
  {
    path: 'simulations',
    text: {
      en: {
        title: 'Policy simulation',
        summary:
          'Replay a program’s past requests under a different maximum, threshold, budget or review deadline, and compare with what happened.',
      },
      es: {
        title: 'Simulación de políticas',
        summary:
          'Vuelva a procesar las solicitudes pasadas de un programa con otro máximo, umbral, presupuesto o plazo de revisión, y compárelo con lo que pasó.',
      },
    },
  },
  {
    path: 'practice',
    text: {
      en: {
        title: 'Practice space',
        summary:
          'Make practice copies of programs, fill them with made-up requests to train staff on, and clear them afterwards.',
      },
      es: {
        title: 'Espacio de práctica',
        summary:
          'Haga copias de práctica de los programas, llénelas de solicitudes inventadas para entrenar al personal y bórrelas después.',
      },
    },
  },
  {
    path: 'users',
    text: {
      en: {
        title: 'Staff',
        summary:
          'Invite people by email with their roles, change roles, deactivate people who leave, and clear sign-in locks.',
      },
      es: {
        title: 'Personal',
        summary:
          'Invite a personas por correo con sus roles, cambie roles, desactive a quienes se van y borre bloqueos de inicio de sesión.',
      },
    },
  },
  {
    path: 'imports',
    text: {
      en: {
        title: 'Imports',
        summary:
          'Bring payees and their bank accounts, then their requests, in from a CSV file: check it first, read every problem by line, then import.',
      },
      es: {
        title: 'Importaciones',
        summary:
          'Traiga beneficiarios y sus cuentas bancarias, y luego sus solicitudes, desde un archivo CSV: revíselo primero, lea cada problema por línea y luego impórtelo.',
      },
    },
  },
  {
    path: 'exports',
    text: {
      en: {
        title: 'Export',
        summary:
          'Download every payee or every request in the import formats: account numbers masked unless you ask for them, every export in the audit log.',
      },
      es: {
        title: 'Exportar',
        summary:
          'Descargue todos los beneficiarios o todas las solicitudes en los formatos de importación: números de cuenta ocultos salvo que los pida, cada exportación en el registro de auditoría.',
      },
    },
  },
  {
    path: 'tokens',
    text: {
      en: {
        title: 'Service tokens',
        summary:
          'Create, rotate and revoke the bearer tokens the FINANCIAL system uses to read the journal and confirm settlement.',
      },
      es: {
        title: 'Tokens de servicio',
        summary:
          'Cree, rote y revoque los tokens portadores que el sistema FINANCIAL usa para leer el diario y confirmar liquidaciones.',
      },
    },
  },
  {
    path: 'webhooks',
    text: {
      en: {
        title: 'Webhook endpoints',
        summary:
          'Choose where HMS sends signed webhooks about payments and batches, and disable receivers that are no longer used.',
      },
      es: {
        title: 'Destinos de webhooks',
        summary:
          'Elija adónde HMS envía webhooks firmados sobre pagos y lotes, y desactive los receptores que ya no se usan.',
      },
    },
  },
  {
    path: 'outbox',
    text: {
      en: {
        title: 'Email outbox',
        summary: 'Emails HMS has queued, sent or given up on, with the last delivery error.',
      },
      es: {
        title: 'Bandeja de correos',
        summary:
          'Correos que HMS puso en cola, envió o dejó de intentar, con el último error de entrega.',
      },
    },
  },
  {
    path: 'sign-in-throttle',
    text: {
      en: {
        title: 'Sign-in throttle',
        summary:
          'See accounts with failed sign-ins counted against them, and let their sources try again.',
      },
      es: {
        title: 'Límite de inicios de sesión',
        summary:
          'Vea las cuentas con inicios de sesión fallidos y permita que sus direcciones vuelvan a intentarlo.',
      },
    },
  },
  {
    path: 'quality',
    text: {
      en: {
        title: 'Quality sampling',
        summary:
          'Choose the share of each program’s decisions, by people and by rules, that another approver re-checks blind.',
      },
      es: {
        title: 'Muestreo de calidad',
        summary:
          'Elija qué parte de las decisiones de cada programa, de personas y de reglas, revisa a ciegas otro aprobador.',
      },
    },
  },
  {
    path: 'settings',
    text: {
      en: {
        title: 'Settings',
        summary:
          'The ACH originator, same-day cut-off, prenote wait, sign-in session lifetimes and the second approval for publishing.',
      },
      es: {
        title: 'Ajustes',
        summary:
          'El originador ACH, la hora límite del mismo día, la espera del prenote, la duración de las sesiones y la segunda aprobación para publicar.',
      },
    },
  },
  {
    path: 'audit',
    text: {
      en: {
        title: 'Audit log',
        summary:
          'Search who did what to which record and when, export the results to CSV, and check the log has not been altered.',
      },
      es: {
        title: 'Registro de auditoría',
        summary:
          'Busque quién hizo qué, en qué registro y cuándo; exporte los resultados a CSV y compruebe que el registro no se alteró.',
      },
    },
  },
];

export const adminAreaMessages = defineMessages({
  en: {
    sectionsLabel: 'Administration sections',
    navOverview: 'Overview',
    overviewTitle: 'Administration',
    overviewLead: 'Settings and records only administrators can change or see.',
  },
  es: {
    sectionsLabel: 'Secciones de administración',
    navOverview: 'Resumen',
    overviewTitle: 'Administración',
    overviewLead: 'Ajustes y registros que solo los administradores pueden cambiar o ver.',
  },
});
