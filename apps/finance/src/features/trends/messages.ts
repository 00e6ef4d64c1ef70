import { defineHelp, defineMessages } from '@hms/ui';

export const trendsMessages = defineMessages({
  en: {
    title: 'Trends',
    lead: 'Approved, paid and returned money day by day or week by week, and why payments came back.',
    loading: 'Computing the trends…',
    intervalLabel: 'Show the series by',
    day: 'Day',
    week: 'Week',
    seriesHeading: 'Money from {from} to {to}, by {interval}',
    byday: 'day',
    byweek: 'week',
    seriesDescription:
      'Lines for approved (solid, circles), paid (dashed, squares) and returned (dotted, triangles) amounts in dollars per {interval}. The table below gives the same amounts with their counts.',
    showTable: 'Show as table',
    seriesCaption: 'Approved, paid and returned per {interval}, {from} to {to}',
    period: 'Period',
    approved: 'Approved',
    paid: 'Paid',
    returned: 'Returned',
    amount: '{figure}: amount',
    count: '{figure}: count',
    total: 'Total',
    emptySeries: 'Nothing was approved, paid or returned in this period',
    emptySeriesBody: 'Choose a longer period or another program.',
    reasonsHeading: 'Returns by reason',
    reasonsDescription:
      'One bar per return code: the amount returned, in dollars. Each bar is labelled with its code and amount; the table below gives the reason in words.',
    reasonsCaption: 'Returns by reason, {from} to {to}',
    code: 'Code',
    reason: 'Reason',
    nacha: 'NACHA name',
    noCode: 'No code',
    noReturns: 'No payment was returned in this period',
    definitions: 'What these figures mean',
    buckets: 'Days and weeks',
    returnsByReason: 'Returns by reason',
  },
  es: {
    title: 'Tendencias',
    lead: 'Dinero aprobado, pagado y devuelto día a día o semana a semana, y por qué volvieron los pagos.',
    loading: 'Calculando las tendencias…',
    intervalLabel: 'Mostrar la serie por',
    day: 'Día',
    week: 'Semana',
    seriesHeading: 'Dinero del {from} al {to}, por {interval}',
    byday: 'día',
    byweek: 'semana',
    seriesDescription:
      'Líneas de montos aprobados (continua, círculos), pagados (discontinua, cuadrados) y devueltos (punteada, triángulos) en dólares por {interval}. La tabla de abajo da los mismos montos con sus cantidades.',
    showTable: 'Ver como tabla',
    seriesCaption: 'Aprobado, pagado y devuelto por {interval}, del {from} al {to}',
    period: 'Período',
    approved: 'Aprobado',
    paid: 'Pagado',
    returned: 'Devuelto',
    amount: '{figure}: monto',
    count: '{figure}: cantidad',
    total: 'Total',
    emptySeries: 'No se aprobó, pagó ni devolvió nada en este período',
    emptySeriesBody: 'Elija un período más largo u otro programa.',
    reasonsHeading: 'Devoluciones por motivo',
    reasonsDescription:
      'Una barra por código de devolución: el monto devuelto, en dólares. Cada barra lleva su código y su monto; la tabla de abajo da el motivo en palabras.',
    reasonsCaption: 'Devoluciones por motivo, del {from} al {to}',
    code: 'Código',
    reason: 'Motivo',
    nacha: 'Nombre NACHA',
    noCode: 'Sin código',
    noReturns: 'No se devolvió ningún pago en este período',
    definitions: 'Qué significan estas cifras',
    buckets: 'Días y semanas',
    returnsByReason: 'Devoluciones por motivo',
  },
});

export const trendsHelp = defineHelp({
  en: {
    purpose:
      'How approvals, payments and returns move over time, and the reasons banks give for returns.',
    check: [
      'Each series is the overview figure of the same name split by day or week: over the period they add up to the overview.',
      'Days are the agency’s days; weeks start on Monday.',
      'Every chart has the same figures in a table (“Show as table”).',
    ],
    next: 'Open the overview for the same period to see the payments behind a figure.',
  },
  es: {
    purpose:
      'Cómo evolucionan las aprobaciones, los pagos y las devoluciones, y los motivos que dan los bancos para devolver.',
    check: [
      'Cada serie es la cifra del resumen del mismo nombre dividida por día o semana: en el período suman lo que dice el resumen.',
      'Los días son los de la agencia; las semanas empiezan el lunes.',
      'Cada gráfico tiene las mismas cifras en una tabla (“Ver como tabla”).',
    ],
    next: 'Abra el resumen del mismo período para ver los pagos detrás de una cifra.',
  },
});
