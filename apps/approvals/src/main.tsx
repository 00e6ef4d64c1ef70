// Standalone entry for `pnpm --filter @hms/approvals dev`: the remote alone, with the providers the shell would
// give it, against the API through the dev server's /api proxy. Not used when the shell loads the remote.
import '@hms/ui/uswds-theme.scss';
import '@hms/ui/styles.css';
import { LanguageProvider } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApprovalsArea } from './routes.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider>
        {/* The dev server serves this app under its production base, /remotes/approvals/. Sign in through the
            shell or the API first: the session cookie belongs to the API's origin, proxied here. */}
        <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
          <main id="main-content" className="grid-container">
            <Routes>
              <Route path="/approvals/*" element={<ApprovalsArea />} />
              <Route path="*" element={<Navigate to="/approvals" replace />} />
            </Routes>
          </main>
        </BrowserRouter>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
