import { Navigate, Route, Routes } from 'react-router';
import { QueuesRoute } from './features/queues/routes/queues-route.tsx';

// Exposed to the shell as `approvals/routes`, mounted at `/approvals/*` inside the shell's providers
// (router, QueryClient, language). The shell also checks the approver roles before rendering this.
export function ApprovalsArea() {
  return (
    <Routes>
      <Route index element={<QueuesRoute />} />
      <Route path="*" element={<Navigate to="/approvals" replace />} />
    </Routes>
  );
}
