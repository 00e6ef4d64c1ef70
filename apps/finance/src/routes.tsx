import { defineMessages, useT, type RemoteModule } from '@hms/ui';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { AdminNav } from './features/admin/components/admin-nav.tsx';
import { EndpointsRoute } from './features/admin/routes/endpoints-route.tsx';
import { OutboxRoute } from './features/admin/routes/outbox-route.tsx';
import { SignInThrottleRoute } from './features/admin/routes/sign-in-throttle-route.tsx';
import { AdminOverviewRoute } from './features/admin/routes/overview-route.tsx';
import { TokensRoute } from './features/admin/routes/tokens-route.tsx';
import { BatchDetailRoute } from './features/batches/routes/batch-detail-route.tsx';
import { BatchesRoute } from './features/batches/routes/batches-route.tsx';
import { DeliveriesRoute } from './features/integration/routes/deliveries-route.tsx';
import { PaymentsRoute } from './features/payments/routes/payments-route.tsx';
import { ReturnsRoute } from './features/returns/routes/returns-route.tsx';
import { SummaryRoute } from './features/summary/routes/summary-route.tsx';

const navMessages = defineMessages({
  en: {
    label: 'Finance sections',
    summary: 'Dashboard',
    payments: 'Pending payments',
    batches: 'Batches',
    returns: 'Returns',
    integration: 'FINANCIAL exchange',
  },
  es: {
    label: 'Secciones de finanzas',
    summary: 'Panel',
    payments: 'Pagos pendientes',
    batches: 'Lotes',
    returns: 'Devoluciones',
    integration: 'Intercambio FINANCIAL',
  },
});

const SECTIONS = [
  { to: '/finance', key: 'summary', end: true },
  { to: '/finance/payments', key: 'payments', end: false },
  { to: '/finance/batches', key: 'batches', end: false },
  { to: '/finance/returns', key: 'returns', end: false },
  { to: '/finance/integration', key: 'integration', end: true },
] as const;

function FinanceNav() {
  const tr = useT(navMessages);
  return (
    <nav aria-label={tr('label')} className="margin-bottom-3 border-bottom-1px border-base-lighter">
      <ul className="usa-button-group margin-bottom-1">
        {SECTIONS.map((s) => (
          <li key={s.to} className="usa-button-group__item">
            <NavLink
              to={s.to}
              end={s.end}
              className={({ isActive }) =>
                `usa-button ${isActive ? '' : 'usa-button--unstyled padding-x-1'}`
              }
            >
              {tr(s.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Exposed to the shell as `finance/routes`, mounted at `/finance/*` inside the shell's providers
// (router, QueryClient, language). The shell also checks the finance roles before rendering this.
export function FinanceArea() {
  return (
    <>
      <FinanceNav />
      <Routes>
        <Route index element={<SummaryRoute />} />
        <Route path="payments" element={<PaymentsRoute />} />
        <Route path="batches" element={<BatchesRoute />} />
        <Route path="batches/:batchId" element={<BatchDetailRoute />} />
        <Route path="returns" element={<ReturnsRoute />} />
        <Route path="integration" element={<DeliveriesRoute />} />
        <Route path="*" element={<Navigate to="/finance" replace />} />
      </Routes>
    </>
  );
}

// Exposed to the shell as `finance/routes` too, mounted at `/admin/*` (role admin only; the shell checks it and the
// API refuses everyone else). Service tokens and webhook endpoints are the FINANCIAL exchange's settings, so the
// finance remote serves them; the email outbox sits beside them.
export function AdminArea() {
  return (
    <>
      <AdminNav />
      <Routes>
        <Route index element={<AdminOverviewRoute />} />
        <Route path="tokens" element={<TokensRoute />} />
        <Route path="webhooks" element={<EndpointsRoute />} />
        <Route path="outbox" element={<OutboxRoute />} />
        <Route path="sign-in-throttle" element={<SignInThrottleRoute />} />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </>
  );
}

/** What the shell loads as `finance/routes`: checked against the shell ↔ remote contract (RemoteModule in @hms/ui). */
export default { FinanceArea, AdminArea } satisfies RemoteModule<'finance'>;
