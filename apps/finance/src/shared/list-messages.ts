import { defineMessages } from '@hms/ui';

/** The words of the finance lists' shared controls (search, sort, totals, CSV, pages), used by several features. */
export const listMessages = defineMessages({
  en: {
    search: 'Search',
    searchForm: 'Search and sort the list',
    searchHint: 'A reference, a payee name, an amount (12.50) or a trace number',
    sort: 'Sort by',
    sortDate: 'Date',
    sortAmount: 'Amount',
    sortReference: 'Reference',
    sortPayee: 'Payee',
    order: 'Order',
    desc: 'Newest or largest first',
    asc: 'Oldest or smallest first',
    any: 'Any',
    apply: 'Apply',
    total: '{count} rows, {amount} in total.',
    csv: 'Download these {count} rows (CSV)',
    pages: 'Pages of the list',
    pageOf: 'Page {page} of {pages}',
  },
  es: {
    search: 'Buscar',
    searchForm: 'Buscar y ordenar la lista',
    searchHint:
      'Una referencia, el nombre del beneficiario, un monto (12.50) o un número de rastreo',
    sort: 'Ordenar por',
    sortDate: 'Fecha',
    sortAmount: 'Monto',
    sortReference: 'Referencia',
    sortPayee: 'Beneficiario',
    order: 'Orden',
    desc: 'Más recientes o mayores primero',
    asc: 'Más antiguos o menores primero',
    any: 'Cualquiera',
    apply: 'Aplicar',
    total: '{count} filas, {amount} en total.',
    csv: 'Descargar estas {count} filas (CSV)',
    pages: 'Páginas de la lista',
    pageOf: 'Página {page} de {pages}',
  },
});
