// Standalone entry for `pnpm --filter @hms/intake dev`: the remote alone, with the providers the shell would
// give it, against the API through the dev server's /api proxy. Not used when the shell loads the remote.
import '@hms/ui/uswds-theme.scss';
import '@hms/ui/styles.css';
import { LanguageProvider, useLanguage } from '@hms/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { MyRequestsArea, ServicesArea } from './routes.tsx';

function DevFrame() {
  const { language, setLanguage } = useLanguage();
  return (
    <>
      <nav aria-label="Standalone development" className="grid-container padding-y-1">
        <Link to="/services">/services</Link> · <Link to="/my-requests">/my-requests</Link> ·{' '}
        <button
          type="button"
          className="usa-button usa-button--unstyled"
          onClick={() => setLanguage(language === 'en' ? 'es' : 'en')}
        >
          {language === 'en' ? 'Español' : 'English'}
        </button>{' '}
        (sign in through the shell or the API first: the session cookie is shared on this origin)
      </nav>
      <main id="main-content" className="grid-container">
        <Routes>
          <Route path="/services/*" element={<ServicesArea />} />
          <Route path="/my-requests/*" element={<MyRequestsArea />} />
          <Route path="*" element={<ServicesArea />} />
        </Routes>
      </main>
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <LanguageProvider>
        {/* The dev server serves this app under its production base, /remotes/intake/. */}
        <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
          <DevFrame />
        </BrowserRouter>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
