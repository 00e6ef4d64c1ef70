import { Route, Routes } from 'react-router';
import { CatalogRoute } from './features/catalog/routes/catalog-route.tsx';
import { MyRequestsRoute } from './features/my-requests/routes/my-requests-route.tsx';
import { NotFound } from './not-found.tsx';

// Exposed to the shell as `intake/routes`. The shell mounts each area at its path (`/services/*`,
// `/my-requests/*`) and provides the router, QueryClient and language; these components bring no providers.
// Nested paths are relative to the mount point, so new steps (apply, status, answers) are added here.

export function ServicesArea() {
  return (
    <Routes>
      <Route index element={<CatalogRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function MyRequestsArea() {
  return (
    <Routes>
      <Route index element={<MyRequestsRoute />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
