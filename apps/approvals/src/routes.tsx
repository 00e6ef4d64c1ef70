import type { RemoteModule } from '@hms/ui';
import { Navigate, Route, Routes } from 'react-router';
import { InboxRoute } from './features/inbox/routes/inbox-route.tsx';
import { ReviewRoute } from './features/review/routes/review-route.tsx';
import { QualityRoute } from './features/quality/routes/quality-route.tsx';
import { RecheckRoute } from './features/quality/routes/recheck-route.tsx';

// Exposed to the shell as `approvals/routes`, mounted at `/approvals/*` inside the shell's providers
// (router, QueryClient, language). The shell also checks the approver roles before rendering this.
export function ApprovalsArea() {
  return (
    <Routes>
      <Route index element={<InboxRoute />} />
      <Route path="requests/:id" element={<ReviewRoute />} />
      <Route path="quality" element={<QualityRoute />} />
      <Route path="quality/:sampleId" element={<RecheckRoute />} />
      <Route path="*" element={<Navigate to="/approvals" replace />} />
    </Routes>
  );
}

/** What the shell loads as `approvals/routes`: checked against the shell ↔ remote contract (RemoteModule in @hms/ui). */
export default { ApprovalsArea } satisfies RemoteModule<'approvals'>;
