import { LoadingState, type RemoteModule } from '@hms/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { CatalogRoute } from './features/catalog/routes/catalog-route.tsx';
import { NotFound } from './not-found.tsx';

// The first page (the catalog) stays small; My requests (its table, the delete-draft confirmation), the form (zod
// schemas, react-hook-form) and the other pages load when first opened.
const MyRequestsRoute = lazy(async () => ({
  default: (await import('./features/my-requests/routes/my-requests-route.tsx')).MyRequestsRoute,
}));
const ProgramRoute = lazy(async () => ({
  default: (await import('./features/catalog/routes/program-route.tsx')).ProgramRoute,
}));
const ApplyRoute = lazy(async () => ({
  default: (await import('./features/application/routes/apply-route.tsx')).ApplyRoute,
}));
const ConfirmationRoute = lazy(async () => ({
  default: (await import('./features/application/routes/confirmation-route.tsx')).ConfirmationRoute,
}));
const RequestRoute = lazy(async () => ({
  default: (await import('./features/requests/routes/request-route.tsx')).RequestRoute,
}));
const NotificationsRoute = lazy(async () => ({
  default: (await import('./features/notifications/routes/notifications-route.tsx'))
    .NotificationsRoute,
}));

const page = (element: ReactNode) => <Suspense fallback={<LoadingState />}>{element}</Suspense>;

// Exposed to the shell as `intake/routes`. The shell mounts each area at its path (`/services/*`,
// `/my-requests/*`) and provides the router, QueryClient and language; these components bring no providers.
// Nested paths are relative to the mount point.

export function ServicesArea() {
  return (
    <Routes>
      <Route index element={<CatalogRoute />} />
      <Route path=":slug" element={page(<ProgramRoute />)} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function MyRequestsArea() {
  return (
    <Routes>
      <Route index element={page(<MyRequestsRoute />)} />
      <Route path="notifications" element={page(<NotificationsRoute />)} />
      <Route path=":requestId" element={page(<RequestRoute />)} />
      <Route path=":requestId/apply" element={page(<ApplyRoute />)} />
      <Route path=":requestId/apply/:stepId" element={page(<ApplyRoute />)} />
      <Route path=":requestId/confirmation" element={page(<ConfirmationRoute />)} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

/** What the shell loads as `intake/routes`: checked against the shell ↔ remote contract (RemoteModule in @hms/ui). */
export default { ServicesArea, MyRequestsArea } satisfies RemoteModule<'intake'>;
