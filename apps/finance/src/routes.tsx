import { Navigate, Route, Routes } from 'react-router';
import { SummaryRoute } from './features/summary/routes/summary-route.tsx';

// Exposed to the shell as `finance/routes`, mounted at `/finance/*` inside the shell's providers
// (router, QueryClient, language). The shell also checks the finance roles before rendering this.
export function FinanceArea() {
  return (
    <Routes>
      <Route index element={<SummaryRoute />} />
      <Route path="*" element={<Navigate to="/finance" replace />} />
    </Routes>
  );
}
