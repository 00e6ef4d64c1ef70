import { Route, Routes } from 'react-router';
import { CatalogRoute } from './features/catalog/routes/catalog-route.tsx';
import { ProgramRoute } from './features/catalog/routes/program-route.tsx';
import { ApplyRoute } from './features/application/routes/apply-route.tsx';
import { ConfirmationRoute } from './features/application/routes/confirmation-route.tsx';
import { MyRequestsRoute } from './features/my-requests/routes/my-requests-route.tsx';
import { NotificationsRoute } from './features/notifications/routes/notifications-route.tsx';
import { RequestRoute } from './features/requests/routes/request-route.tsx';
import { NotFound } from './not-found.tsx';

// Exposed to the shell as `intake/routes`. The shell mounts each area at its path (`/services/*`,
// `/my-requests/*`) and provides the router, QueryClient and language; these components bring no providers.
// Nested paths are relative to the mount point.

export function ServicesArea() {
  return (
    <Routes>
      <Route index element={<CatalogRoute />} />
      <Route path=":slug" element={<ProgramRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function MyRequestsArea() {
  return (
    <Routes>
      <Route index element={<MyRequestsRoute />} />
      <Route path="notifications" element={<NotificationsRoute />} />
      <Route path=":requestId" element={<RequestRoute />} />
      <Route path=":requestId/apply" element={<ApplyRoute />} />
      <Route path=":requestId/apply/:stepId" element={<ApplyRoute />} />
      <Route path=":requestId/confirmation" element={<ConfirmationRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
