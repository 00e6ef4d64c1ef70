import { defineHelp, defineMessages } from '@hms/ui';

export const budgetsMessages = defineMessages({
  en: {
    title: 'Budgets',
    lead: 'Each program’s budget against the money committed to it: awaiting a decision, obligated and paid, with what remains and when it would run out.',
    loading: 'Computing the budgets…',
    empty: 'No program to show',
    emptyBody: 'There is no program with a budget here (practice programs are never listed).',
    chartHeading: 'Committed money against each budget',
    chartDescription:
      'Stacked bars per program: paid, obligated, awaiting a decision and remaining, adding up to the budget (or past it when over budget). The same figures are in the table below.',
    tableHeading: 'Budgets by program',
    tableCaption: 'Budgets by program, in dollars, as of {date}',
    program: 'Program',
    budget: 'Budget',
    committed: 'Committed',
    awaitingDecision: 'Awaiting a decision',
    obligated: 'Obligated (approved, not paid)',
    paid: 'Paid',
    remaining: 'Remaining',
    committedLast30Days: 'Committed in the last 30 days',
    projectedRunOut: 'Projected run-out',
    noRunOut: 'None',
    overBudget: 'Over budget by {amount}',
    withinBudget: 'Within budget',
    status: 'Status',
    total: 'All programs listed',
    definitions: 'What these figures mean',
  },
  es: {
    title: 'Presupuestos',
    lead: 'El presupuesto de cada programa frente al dinero comprometido: pendiente de decisión, obligado y pagado, con lo que queda y cuándo se agotaría.',
    loading: 'Calculando los presupuestos…',
    empty: 'No hay programas que mostrar',
    emptyBody:
      'No hay ningún programa con presupuesto aquí (los programas de práctica nunca se muestran).',
    chartHeading: 'Dinero comprometido frente a cada presupuesto',
    chartDescription:
      'Barras apiladas por programa: pagado, obligado, pendiente de decisión y saldo, que suman el presupuesto (o lo superan si hay sobregiro). Las mismas cifras están en la tabla de abajo.',
    tableHeading: 'Presupuestos por programa',
    tableCaption: 'Presupuestos por programa, en dólares, al {date}',
    program: 'Programa',
    budget: 'Presupuesto',
    committed: 'Comprometido',
    awaitingDecision: 'Pendiente de decisión',
    obligated: 'Obligado (aprobado, sin pagar)',
    paid: 'Pagado',
    remaining: 'Saldo',
    committedLast30Days: 'Comprometido en los últimos 30 días',
    projectedRunOut: 'Agotamiento previsto',
    noRunOut: 'Ninguno',
    overBudget: 'Sobregiro de {amount}',
    withinBudget: 'Dentro del presupuesto',
    status: 'Estado',
    total: 'Todos los programas mostrados',
    definitions: 'Qué significan estas cifras',
  },
});

export const budgetsHelp = defineHelp({
  en: {
    purpose:
      'Whether each program’s budget holds: what is paid, what is approved and still to pay, what waits for a decision, and what is left.',
    check: [
      'Committed is the rule that closes a program to new applications: the same figure intake uses.',
      'A program over budget says so in words in its row, not only by colour.',
      'Practice programs are never listed; history imported from the old system counts.',
    ],
    next: 'Open the overview for the same program to see the payments and requests behind the figures.',
  },
  es: {
    purpose:
      'Si el presupuesto de cada programa alcanza: lo pagado, lo aprobado que falta pagar, lo que espera una decisión y lo que queda.',
    check: [
      'Lo comprometido es la regla que cierra un programa a nuevas solicitudes: la misma cifra que usa la recepción.',
      'Un programa con sobregiro lo dice con palabras en su fila, no solo con color.',
      'Los programas de práctica nunca se muestran; el historial importado del sistema anterior sí cuenta.',
    ],
    next: 'Abra el resumen del mismo programa para ver los pagos y solicitudes detrás de las cifras.',
  },
});
