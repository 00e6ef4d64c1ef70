import { defineMessages, useT, type RemoteModule } from '@hms/ui';
import { Navigate, Route, Routes } from 'react-router';
import { BatchDetailRoute } from './features/batches/routes/batch-detail-route.tsx';
import { BatchesRoute } from './features/batches/routes/batches-route.tsx';
import { BudgetsRoute } from './features/budgets/routes/budgets-route.tsx';
import { DeliveriesRoute } from './features/integration/routes/deliveries-route.tsx';
import { PaymentsRoute } from './features/payments/routes/payments-route.tsx';
import { ReturnsRoute } from './features/returns/routes/returns-route.tsx';
import { FigureListRoute } from './features/overview/routes/figure-list-route.tsx';
import { OverviewRoute } from './features/overview/routes/overview-route.tsx';
import { ReconciliationRoute } from './features/reconciliation/routes/reconciliation-route.tsx';
import { TrendsRoute } from './features/trends/routes/trends-route.tsx';
import { TodayRoute } from './features/today/routes/today-route.tsx';
import { SectionNav } from './shared/section-nav.tsx';

const navMessages = defineMessages({
  en: {
    label: 'Finance sections',
    today: 'Today',
    overview: 'Overview',
    budgets: 'Budgets',
    trends: 'Trends',
    payments: 'Pending payments',
    batches: 'Batches',
    returns: 'Returns',
    reconciliation: 'Reconciliation',
    integration: 'FINANCIAL exchange',
  },
  es: {
    label: 'Secciones de finanzas',
    today: 'Hoy',
    overview: 'Resumen',
    budgets: 'Presupuestos',
    trends: 'Tendencias',
    payments: 'Pagos pendientes',
    batches: 'Lotes',
    returns: 'Devoluciones',
    reconciliation: 'Conciliación',
    integration: 'Intercambio FINANCIAL',
  },
});

const SECTIONS = [
  { to: '/finance', key: 'today', end: true },
  { to: '/finance/overview', key: 'overview', end: false },
  { to: '/finance/budgets', key: 'budgets', end: true },
  { to: '/finance/trends', key: 'trends', end: true },
  { to: '/finance/payments', key: 'payments', end: false },
  { to: '/finance/batches', key: 'batches', end: false },
  { to: '/finance/returns', key: 'returns', end: false },
  { to: '/finance/reconciliation', key: 'reconciliation', end: false },
  { to: '/finance/integration', key: 'integration', end: true },
] as const;

function FinanceNav() {
  const tr = useT(navMessages);
  return (
    <SectionNav
      label={tr('label')}
      links={SECTIONS.map((s) => ({ ...s, text: tr(s.key) }))}
      look="area"
    />
  );
}

// Exposed to the shell as `finance/routes`, mounted at `/finance/*` inside the shell's providers
// (router, QueryClient, language). The shell also checks the finance roles before rendering this.
export function FinanceArea() {
  return (
    <>
      <FinanceNav />
      <Routes>
        <Route index element={<TodayRoute />} />
        <Route path="overview" element={<OverviewRoute />} />
        <Route path="overview/payments" element={<FigureListRoute kind="payments" />} />
        <Route path="overview/requests" element={<FigureListRoute kind="requests" />} />
        <Route path="budgets" element={<BudgetsRoute />} />
        <Route path="trends" element={<TrendsRoute />} />
        <Route path="payments" element={<PaymentsRoute />} />
        <Route path="batches" element={<BatchesRoute />} />
        <Route path="batches/:batchId" element={<BatchDetailRoute />} />
        <Route path="returns" element={<ReturnsRoute />} />
        <Route path="reconciliation" element={<ReconciliationRoute view="batches" />} />
        <Route
          path="reconciliation/exceptions"
          element={<ReconciliationRoute view="exceptions" />}
        />
        <Route path="reconciliation/returns" element={<ReconciliationRoute view="returns" />} />
        <Route path="integration" element={<DeliveriesRoute />} />
        <Route path="*" element={<Navigate to="/finance" replace />} />
      </Routes>
    </>
  );
}

/** What the shell loads as `finance/routes`: checked against the shell ↔ remote contract (RemoteModule in @hms/ui). */
export default { FinanceArea } satisfies RemoteModule<'finance'>;
