/**
 * The programs the demo database is seeded with (what a definition is lives in programs.ts).
 *
 * The three seeds have different shapes on purpose (individual rebate with uploads and a renter-only question,
 * business grant paid by CCD with second approval above $10,000, a small fee refund), so every screen and rule
 * meets a realistic variety. All citizen-facing text is in English and Spanish.
 */
import type { ProgramDefinition } from './programs.ts';

const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const YES_NO = [
  { value: 'yes', label: { en: 'Yes', es: 'Sí' } },
  { value: 'no', label: { en: 'No', es: 'No' } },
];

export const homeEnergyRebate: ProgramDefinition = {
  slug: 'home-energy-rebate',
  name: {
    en: 'Home Energy Efficiency Rebate',
    es: 'Reembolso por eficiencia energética en el hogar',
  },
  description: {
    en: 'Get back up to half the cost of an energy-saving upgrade to your home, such as a heat pump, insulation or new windows, up to $2,000.',
    es: 'Recupere hasta la mitad del costo de una mejora que ahorre energía en su hogar, como una bomba de calor, aislamiento o ventanas nuevas, hasta $2,000.',
  },
  eligibilitySummary: {
    en: 'You can apply if your household earns $120,000 a year or less, the upgrade was installed on or after January 1, 2026, and you own the home or rent it with your landlord’s permission.',
    es: 'Puede presentar una solicitud si su hogar gana $120,000 al año o menos, la mejora se instaló el 1 de enero de 2026 o después, y usted es dueño de la vivienda o la alquila con el permiso del propietario.',
  },
  payeeType: 'individual',
  secCode: 'PPD',
  maxAmountCents: 200_000,
  budgetCents: 250_000_000,
  approvalThresholdCents: 150_000,
  reviewDeadlineBusinessDays: 10,
  requiresPrenote: false,
  opensAt: '2026-01-01',
  closesAt: '2027-12-31',
  amountQuestionId: 'requestedAmount',
  questionSet: {
    steps: [
      {
        id: 'household',
        title: { en: 'Your household', es: 'Su hogar' },
        questions: [
          {
            id: 'householdSize',
            type: 'number',
            label: {
              en: 'How many people live in your household?',
              es: '¿Cuántas personas viven en su hogar?',
            },
            hint: { en: 'Include yourself.', es: 'Inclúyase usted.' },
            errorName: {
              en: 'the number of people in your household',
              es: 'el número de personas en su hogar',
            },
            required: true,
            integer: true,
            min: 1,
            max: 20,
          },
          {
            id: 'householdIncome',
            type: 'money',
            label: {
              en: 'What is your household’s total yearly income before taxes?',
              es: '¿Cuál es el ingreso anual total de su hogar antes de impuestos?',
            },
            hint: {
              en: 'Add up the income of everyone in your household for the last 12 months.',
              es: 'Sume los ingresos de todas las personas de su hogar durante los últimos 12 meses.',
            },
            errorName: { en: 'your household income', es: 'el ingreso de su hogar' },
            required: true,
            min: 0,
          },
        ],
      },
      {
        id: 'home',
        title: { en: 'Your home', es: 'Su vivienda' },
        questions: [
          {
            id: 'homeAddress',
            type: 'text',
            label: { en: 'Address of the home', es: 'Dirección de la vivienda' },
            errorName: { en: 'the address of the home', es: 'la dirección de la vivienda' },
            required: true,
            maxLength: 200,
          },
          {
            id: 'homeZip',
            type: 'text',
            label: { en: 'ZIP code', es: 'Código postal' },
            errorName: { en: 'the ZIP code', es: 'el código postal' },
            required: true,
            pattern: {
              regex: '^\\d{5}(-\\d{4})?$',
              message: {
                en: 'Enter a ZIP code with 5 digits, like 20001',
                es: 'Escriba un código postal de 5 dígitos, como 20001',
              },
            },
          },
          {
            id: 'ownership',
            type: 'radio',
            label: {
              en: 'Do you own or rent this home?',
              es: '¿Es dueño de esta vivienda o la alquila?',
            },
            errorName: {
              en: 'whether you own or rent the home',
              es: 'si es dueño de la vivienda o la alquila',
            },
            required: true,
            options: [
              { value: 'own', label: { en: 'I own it', es: 'Soy dueño' } },
              { value: 'rent', label: { en: 'I rent it', es: 'La alquilo' } },
            ],
          },
          {
            id: 'landlordPermission',
            type: 'radio',
            label: {
              en: 'Did your landlord give you written permission for the upgrade?',
              es: '¿Le dio el propietario permiso por escrito para hacer la mejora?',
            },
            errorName: {
              en: 'whether your landlord gave permission',
              es: 'si el propietario le dio permiso',
            },
            required: true,
            options: YES_NO,
            showIf: { questionId: 'ownership', equals: 'rent' },
          },
        ],
      },
      {
        id: 'upgrade',
        title: { en: 'The upgrade', es: 'La mejora' },
        questions: [
          {
            id: 'upgradeType',
            type: 'select',
            label: { en: 'What did you install?', es: '¿Qué instaló?' },
            errorName: { en: 'the type of upgrade', es: 'el tipo de mejora' },
            required: true,
            options: [
              { value: 'heat_pump', label: { en: 'Heat pump', es: 'Bomba de calor' } },
              { value: 'insulation', label: { en: 'Insulation', es: 'Aislamiento' } },
              {
                value: 'windows',
                label: {
                  en: 'Energy-efficient windows',
                  es: 'Ventanas de bajo consumo energético',
                },
              },
              {
                value: 'heat_pump_water_heater',
                label: {
                  en: 'Heat pump water heater',
                  es: 'Calentador de agua con bomba de calor',
                },
              },
              {
                value: 'smart_thermostat',
                label: { en: 'Smart thermostat', es: 'Termostato inteligente' },
              },
            ],
          },
          {
            id: 'installationDate',
            type: 'date',
            label: { en: 'When was it installed?', es: '¿Cuándo se instaló?' },
            hint: { en: 'For example, 3/27/2026', es: 'Por ejemplo, 3/27/2026' },
            errorName: { en: 'the installation date', es: 'la fecha de instalación' },
            required: true,
            minDate: '2026-01-01',
            maxDate: 'today',
          },
          {
            id: 'contractorName',
            type: 'text',
            label: {
              en: 'Name of the installer (optional)',
              es: 'Nombre del instalador (opcional)',
            },
            errorName: { en: 'the name of the installer', es: 'el nombre del instalador' },
            required: false,
            maxLength: 120,
          },
          {
            id: 'upgradeCost',
            type: 'money',
            label: {
              en: 'How much did the upgrade cost in total?',
              es: '¿Cuánto costó la mejora en total?',
            },
            hint: { en: 'Include parts and labor.', es: 'Incluya materiales y mano de obra.' },
            errorName: { en: 'the cost of the upgrade', es: 'el costo de la mejora' },
            required: true,
            min: 100,
          },
          {
            id: 'requestedAmount',
            type: 'money',
            label: { en: 'How much rebate are you asking for?', es: '¿Cuánto reembolso solicita?' },
            hint: {
              en: 'Up to half the cost of the upgrade, and no more than $2,000.',
              es: 'Hasta la mitad del costo de la mejora, y no más de $2,000.',
            },
            errorName: { en: 'the rebate amount', es: 'el monto del reembolso' },
            required: true,
            min: 100,
            max: 200_000,
          },
        ],
      },
      {
        id: 'receipts',
        title: { en: 'Receipts', es: 'Recibos' },
        questions: [
          {
            id: 'receipts',
            type: 'document',
            label: { en: 'Upload your receipt or invoice', es: 'Suba su recibo o factura' },
            hint: {
              en: 'It must show the installer, the date and the amount paid. PDF, JPG or PNG.',
              es: 'Debe mostrar el instalador, la fecha y el monto pagado. PDF, JPG o PNG.',
            },
            errorName: { en: 'your receipt or invoice', es: 'su recibo o factura' },
            required: true,
            accept: [...DOCUMENT_TYPES],
            maxFiles: 5,
          },
        ],
      },
      {
        id: 'contact',
        title: { en: 'How we contact you', es: 'Cómo comunicarnos con usted' },
        questions: [
          {
            id: 'contactEmail',
            type: 'email',
            prefill: 'email',
            label: { en: 'Email address', es: 'Correo electrónico' },
            errorName: { en: 'your email address', es: 'su correo electrónico' },
            required: true,
          },
          {
            id: 'contactPhone',
            type: 'phone',
            prefill: 'phone',
            label: { en: 'Phone number (optional)', es: 'Número de teléfono (opcional)' },
            errorName: { en: 'your phone number', es: 'su número de teléfono' },
            required: false,
          },
        ],
      },
    ],
  },
  eligibilityRules: [
    {
      questionId: 'householdIncome',
      op: 'lte',
      value: 12_000_000,
      reason: {
        en: 'Your household income must be $120,000 a year or less.',
        es: 'El ingreso de su hogar debe ser de $120,000 al año o menos.',
      },
    },
    {
      questionId: 'landlordPermission',
      op: 'eq',
      value: 'yes',
      appliesIf: { questionId: 'ownership', equals: 'rent' },
      reason: {
        en: 'If you rent, you need your landlord’s written permission for the upgrade.',
        es: 'Si alquila, necesita el permiso por escrito del propietario para hacer la mejora.',
      },
    },
  ],
};

export const smallBusinessRelief: ProgramDefinition = {
  slug: 'small-business-relief',
  name: { en: 'Small Business Relief Grant', es: 'Subvención de ayuda para pequeñas empresas' },
  description: {
    en: 'A grant of up to $25,000 for small businesses that lost at least a fifth of their revenue, to pay for payroll, rent, inventory, equipment or utilities.',
    es: 'Una subvención de hasta $25,000 para pequeñas empresas que perdieron al menos una quinta parte de sus ingresos, para pagar nómina, alquiler, inventario, equipo o servicios públicos.',
  },
  eligibilitySummary: {
    en: 'The business must have fewer than 50 employees and have lost 20% or more of its revenue over the last 12 months. The grant is paid into a business bank account.',
    es: 'La empresa debe tener menos de 50 empleados y haber perdido el 20% o más de sus ingresos en los últimos 12 meses. La subvención se deposita en una cuenta bancaria de la empresa.',
  },
  payeeType: 'business',
  secCode: 'CCD',
  maxAmountCents: 2_500_000,
  budgetCents: 500_000_000,
  approvalThresholdCents: 1_000_000,
  reviewDeadlineBusinessDays: 15,
  requiresPrenote: true,
  opensAt: '2026-01-01',
  closesAt: '2027-12-31',
  amountQuestionId: 'requestedAmount',
  questionSet: {
    steps: [
      {
        id: 'business',
        title: { en: 'About the business', es: 'Sobre la empresa' },
        questions: [
          {
            id: 'legalName',
            type: 'text',
            label: { en: 'Legal name of the business', es: 'Nombre legal de la empresa' },
            hint: {
              en: 'As it appears on your tax documents.',
              es: 'Como aparece en sus documentos de impuestos.',
            },
            errorName: {
              en: 'the legal name of the business',
              es: 'el nombre legal de la empresa',
            },
            required: true,
            minLength: 2,
            maxLength: 140,
          },
          {
            id: 'ein',
            type: 'text',
            label: {
              en: 'Employer Identification Number (EIN)',
              es: 'Número de Identificación Patronal (EIN)',
            },
            hint: { en: 'For example, 12-3456789', es: 'Por ejemplo, 12-3456789' },
            errorName: { en: 'the EIN', es: 'el EIN' },
            required: true,
            pattern: {
              regex: '^\\d{2}-\\d{7}$',
              message: {
                en: 'Enter the EIN in the correct format, like 12-3456789',
                es: 'Escriba el EIN en el formato correcto, como 12-3456789',
              },
            },
          },
          {
            id: 'businessType',
            type: 'select',
            label: { en: 'Type of business', es: 'Tipo de empresa' },
            errorName: { en: 'the type of business', es: 'el tipo de empresa' },
            required: true,
            options: [
              {
                value: 'sole_proprietor',
                label: { en: 'Sole proprietorship', es: 'Empresa unipersonal' },
              },
              { value: 'partnership', label: { en: 'Partnership', es: 'Sociedad colectiva' } },
              {
                value: 'llc',
                label: {
                  en: 'Limited liability company (LLC)',
                  es: 'Sociedad de responsabilidad limitada (LLC)',
                },
              },
              { value: 'corporation', label: { en: 'Corporation', es: 'Corporación' } },
              {
                value: 'nonprofit',
                label: { en: 'Nonprofit organization', es: 'Organización sin fines de lucro' },
              },
            ],
          },
          {
            id: 'dateEstablished',
            type: 'date',
            label: { en: 'When did the business start?', es: '¿Cuándo comenzó la empresa?' },
            errorName: {
              en: 'the date the business started',
              es: 'la fecha en que comenzó la empresa',
            },
            required: true,
            maxDate: 'today',
          },
          {
            id: 'employees',
            type: 'number',
            label: {
              en: 'How many people does the business employ?',
              es: '¿Cuántas personas emplea la empresa?',
            },
            hint: {
              en: 'Count full-time and part-time employees, including owners who draw a salary.',
              es: 'Cuente empleados de tiempo completo y de medio tiempo, incluidos los dueños que reciben un salario.',
            },
            errorName: { en: 'the number of employees', es: 'el número de empleados' },
            required: true,
            integer: true,
            min: 0,
            max: 100_000,
          },
        ],
      },
      {
        id: 'impact',
        title: { en: 'How the business was affected', es: 'Cómo se vio afectada la empresa' },
        questions: [
          {
            id: 'revenueLastYear',
            type: 'money',
            label: {
              en: 'Revenue in the 12 months before the loss',
              es: 'Ingresos en los 12 meses anteriores a la pérdida',
            },
            errorName: {
              en: 'the revenue before the loss',
              es: 'los ingresos anteriores a la pérdida',
            },
            required: true,
            min: 0,
          },
          {
            id: 'revenueLossPercent',
            type: 'number',
            label: {
              en: 'By what percentage did revenue fall?',
              es: '¿En qué porcentaje bajaron los ingresos?',
            },
            hint: {
              en: 'Compare the last 12 months with the 12 months before. Enter a number from 0 to 100.',
              es: 'Compare los últimos 12 meses con los 12 meses anteriores. Escriba un número del 0 al 100.',
            },
            errorName: {
              en: 'the percentage revenue fell',
              es: 'el porcentaje en que bajaron los ingresos',
            },
            required: true,
            min: 0,
            max: 100,
          },
          {
            id: 'impactDescription',
            type: 'textarea',
            label: {
              en: 'Describe how the business was affected',
              es: 'Describa cómo se vio afectada la empresa',
            },
            errorName: {
              en: 'how the business was affected',
              es: 'cómo se vio afectada la empresa',
            },
            required: true,
            minLength: 50,
            maxLength: 2000,
          },
          {
            id: 'useOfFunds',
            type: 'checkbox',
            label: { en: 'What will you use the grant for?', es: '¿Para qué usará la subvención?' },
            hint: {
              en: 'Select all that apply.',
              es: 'Seleccione todas las opciones que correspondan.',
            },
            errorName: {
              en: 'what you will use the grant for',
              es: 'para qué usará la subvención',
            },
            required: true,
            options: [
              { value: 'payroll', label: { en: 'Payroll', es: 'Nómina' } },
              { value: 'rent', label: { en: 'Rent or mortgage', es: 'Alquiler o hipoteca' } },
              { value: 'inventory', label: { en: 'Inventory', es: 'Inventario' } },
              { value: 'equipment', label: { en: 'Equipment', es: 'Equipo' } },
              { value: 'utilities', label: { en: 'Utilities', es: 'Servicios públicos' } },
            ],
          },
          {
            id: 'requestedAmount',
            type: 'money',
            label: { en: 'How much are you asking for?', es: '¿Cuánto solicita?' },
            hint: { en: 'From $1,000 to $25,000.', es: 'De $1,000 a $25,000.' },
            errorName: { en: 'the amount you are asking for', es: 'el monto que solicita' },
            required: true,
            min: 100_000,
            max: 2_500_000,
          },
        ],
      },
      {
        id: 'documents',
        title: { en: 'Documents', es: 'Documentos' },
        questions: [
          {
            id: 'taxReturn',
            type: 'document',
            label: {
              en: 'Upload the business’s latest federal tax return',
              es: 'Suba la declaración federal de impuestos más reciente de la empresa',
            },
            errorName: {
              en: 'the latest tax return',
              es: 'la declaración de impuestos más reciente',
            },
            required: true,
            accept: ['application/pdf'],
            maxFiles: 3,
          },
          {
            id: 'financialStatements',
            type: 'document',
            label: {
              en: 'Upload profit and loss statements (optional)',
              es: 'Suba estados de pérdidas y ganancias (opcional)',
            },
            errorName: {
              en: 'the profit and loss statements',
              es: 'los estados de pérdidas y ganancias',
            },
            required: false,
            accept: [...DOCUMENT_TYPES],
            maxFiles: 5,
          },
        ],
      },
      {
        id: 'contact',
        title: { en: 'Contact person', es: 'Persona de contacto' },
        questions: [
          {
            id: 'contactName',
            type: 'text',
            prefill: 'name',
            label: { en: 'Full name', es: 'Nombre completo' },
            errorName: {
              en: 'the full name of the contact person',
              es: 'el nombre completo de la persona de contacto',
            },
            required: true,
            maxLength: 120,
          },
          {
            id: 'contactEmail',
            type: 'email',
            prefill: 'email',
            label: { en: 'Email address', es: 'Correo electrónico' },
            errorName: { en: 'an email address', es: 'un correo electrónico' },
            required: true,
          },
          {
            id: 'contactPhone',
            type: 'phone',
            prefill: 'phone',
            label: { en: 'Phone number', es: 'Número de teléfono' },
            errorName: { en: 'a phone number', es: 'un número de teléfono' },
            required: true,
          },
          {
            id: 'certification',
            type: 'checkbox',
            label: {
              en: 'I certify that the information I have given is true and complete',
              es: 'Certifico que la información que he dado es verdadera y completa',
            },
            errorName: {
              en: 'that the information you have given is true and complete',
              es: 'que la información que ha dado es verdadera y completa',
            },
            required: true,
          },
        ],
      },
    ],
  },
  eligibilityRules: [
    {
      questionId: 'employees',
      op: 'lt',
      value: 50,
      reason: {
        en: 'The business must have fewer than 50 employees.',
        es: 'La empresa debe tener menos de 50 empleados.',
      },
    },
    {
      questionId: 'revenueLossPercent',
      op: 'gte',
      value: 20,
      reason: {
        en: 'The business must have lost 20% or more of its revenue.',
        es: 'La empresa debe haber perdido el 20% o más de sus ingresos.',
      },
    },
  ],
};

export const permitFeeRefund: ProgramDefinition = {
  slug: 'permit-fee-refund',
  name: { en: 'Permit Fee Refund', es: 'Reembolso de tarifas de permisos' },
  description: {
    en: 'Ask for your money back for a building, electrical, plumbing or mechanical permit fee that was paid twice, overcharged, or paid for a permit that was denied, withdrawn or never used. Refunds are up to $1,500.',
    es: 'Solicite la devolución de la tarifa de un permiso de construcción, electricidad, plomería o mecánica que se pagó dos veces, se cobró de más, o se pagó por un permiso que fue negado, retirado o nunca se usó. Los reembolsos son de hasta $1,500.',
  },
  eligibilitySummary: {
    en: 'You can apply if you paid the fee on or after January 1, 2024. A fee for a withdrawn application or a cancelled project is only refunded if no work started under the permit.',
    es: 'Puede presentar una solicitud si pagó la tarifa el 1 de enero de 2024 o después. La tarifa de una solicitud retirada o de un proyecto cancelado solo se reembolsa si no comenzó ningún trabajo bajo el permiso.',
  },
  payeeType: 'individual',
  secCode: 'PPD',
  maxAmountCents: 150_000,
  budgetCents: 50_000_000,
  approvalThresholdCents: 100_000,
  reviewDeadlineBusinessDays: 10,
  requiresPrenote: false,
  opensAt: '2026-01-01',
  closesAt: '2027-12-31',
  amountQuestionId: 'amountPaid',
  questionSet: {
    steps: [
      {
        id: 'permit',
        title: { en: 'The permit', es: 'El permiso' },
        questions: [
          {
            id: 'permitNumber',
            type: 'text',
            label: { en: 'Permit number', es: 'Número de permiso' },
            hint: {
              en: 'It is on your receipt, for example BP-2026-01234.',
              es: 'Aparece en su recibo, por ejemplo BP-2026-01234.',
            },
            errorName: { en: 'the permit number', es: 'el número de permiso' },
            required: true,
            pattern: {
              regex: '^(BP|EP|PP|MP)-\\d{4}-\\d{5}$',
              message: {
                en: 'Enter the permit number as it appears on your receipt, like BP-2026-01234',
                es: 'Escriba el número de permiso como aparece en su recibo, como BP-2026-01234',
              },
            },
          },
          {
            id: 'datePaid',
            type: 'date',
            label: { en: 'When did you pay the fee?', es: '¿Cuándo pagó la tarifa?' },
            hint: { en: 'For example, 3/27/2026', es: 'Por ejemplo, 3/27/2026' },
            errorName: { en: 'the date you paid', es: 'la fecha en que pagó' },
            required: true,
            minDate: '2024-01-01',
            maxDate: 'today',
          },
          {
            id: 'amountPaid',
            type: 'money',
            label: { en: 'How much did you pay?', es: '¿Cuánto pagó?' },
            hint: {
              en: 'Refunds are limited to $1,500.',
              es: 'Los reembolsos tienen un límite de $1,500.',
            },
            errorName: { en: 'the amount you paid', es: 'el monto que pagó' },
            required: true,
            min: 100,
            max: 150_000,
          },
        ],
      },
      {
        id: 'reason',
        title: { en: 'Why you are asking for a refund', es: 'Por qué solicita un reembolso' },
        questions: [
          {
            id: 'refundReason',
            type: 'radio',
            label: {
              en: 'Why should the fee be refunded?',
              es: '¿Por qué se debe reembolsar la tarifa?',
            },
            errorName: {
              en: 'why the fee should be refunded',
              es: 'por qué se debe reembolsar la tarifa',
            },
            required: true,
            options: [
              { value: 'duplicate', label: { en: 'I paid twice', es: 'Pagué dos veces' } },
              {
                value: 'overcharged',
                label: { en: 'I was charged too much', es: 'Me cobraron de más' },
              },
              {
                value: 'denied',
                label: { en: 'The permit was denied', es: 'El permiso fue negado' },
              },
              {
                value: 'withdrawn',
                label: { en: 'I withdrew the application', es: 'Retiré la solicitud' },
              },
              {
                value: 'project_cancelled',
                label: { en: 'The project was cancelled', es: 'El proyecto fue cancelado' },
              },
            ],
          },
          {
            id: 'workStarted',
            type: 'radio',
            label: {
              en: 'Did any work start under this permit?',
              es: '¿Comenzó algún trabajo bajo este permiso?',
            },
            errorName: { en: 'whether any work started', es: 'si comenzó algún trabajo' },
            required: true,
            options: YES_NO,
            showIf: { questionId: 'refundReason', in: ['withdrawn', 'project_cancelled'] },
          },
          {
            id: 'reasonDetails',
            type: 'textarea',
            label: { en: 'Tell us what happened', es: 'Díganos qué pasó' },
            hint: {
              en: 'For example, the two payment dates, or the fee you expected to pay.',
              es: 'Por ejemplo, las dos fechas de pago, o la tarifa que esperaba pagar.',
            },
            errorName: { en: 'what happened', es: 'qué pasó' },
            required: true,
            maxLength: 1000,
            showIf: { questionId: 'refundReason', in: ['duplicate', 'overcharged'] },
          },
          {
            id: 'cancellationLetter',
            type: 'document',
            label: {
              en: 'Upload the cancellation or denial letter (optional)',
              es: 'Suba la carta de cancelación o de negación (opcional)',
            },
            errorName: {
              en: 'the cancellation or denial letter',
              es: 'la carta de cancelación o de negación',
            },
            required: false,
            accept: [...DOCUMENT_TYPES],
            maxFiles: 3,
          },
        ],
      },
      {
        id: 'contact',
        title: { en: 'How we contact you', es: 'Cómo comunicarnos con usted' },
        questions: [
          {
            id: 'applicantName',
            type: 'text',
            prefill: 'name',
            label: { en: 'Full name', es: 'Nombre completo' },
            errorName: { en: 'your full name', es: 'su nombre completo' },
            required: true,
            maxLength: 120,
          },
          {
            id: 'contactEmail',
            type: 'email',
            prefill: 'email',
            label: { en: 'Email address', es: 'Correo electrónico' },
            errorName: { en: 'your email address', es: 'su correo electrónico' },
            required: true,
          },
          {
            id: 'contactPhone',
            type: 'phone',
            prefill: 'phone',
            label: { en: 'Phone number (optional)', es: 'Número de teléfono (opcional)' },
            errorName: { en: 'your phone number', es: 'su número de teléfono' },
            required: false,
          },
        ],
      },
    ],
  },
  eligibilityRules: [
    {
      questionId: 'workStarted',
      op: 'eq',
      value: 'no',
      appliesIf: { questionId: 'refundReason', in: ['withdrawn', 'project_cancelled'] },
      reason: {
        en: 'Fees for a withdrawn application or a cancelled project cannot be refunded once work has started under the permit.',
        es: 'Las tarifas de una solicitud retirada o de un proyecto cancelado no se pueden reembolsar una vez que comenzó el trabajo bajo el permiso.',
      },
    },
  ],
};

/** The programs the demo database starts with. */
export const seedPrograms: readonly ProgramDefinition[] = [
  homeEnergyRebate,
  smallBusinessRelief,
  permitFeeRefund,
];
