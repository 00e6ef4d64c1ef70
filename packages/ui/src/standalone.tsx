// The standalone development page every remote shares (`pnpm --filter @hms/<remote> dev`): the remote alone, with the
// providers the shell would give it, against the API through the dev server's /api proxy. Only each remote's
// main.tsx (the entry of the page `standalonePage` in federation.shared.mjs writes) imports it: the shell never loads
// it, and it is not part of @hms/ui's public entry.
import './uswds-theme.scss';
import './styles.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { LanguageProvider, useLanguage } from './i18n.tsx';

export interface StandaloneOptions {
  /** The dev server's base (`import.meta.env.BASE_URL`): it serves the remote under its production /remotes/<name>/. */
  base: string;
  /** The remote's areas by the path the shell mounts them at, e.g. `{ '/approvals': <ApprovalsArea /> }`. */
  areas: Record<string, ReactNode>;
  /** The remote's own providers (the QueryClient, which @hms/ui does not depend on). */
  wrap: (page: ReactNode) => ReactNode;
}

function StandaloneFrame({ areas }: { areas: Record<string, ReactNode> }) {
  const { language, setLanguage } = useLanguage();
  const paths = Object.keys(areas);
  return (
    <>
      <nav aria-label="Standalone development" className="grid-container padding-y-1">
        {paths.map((path) => (
          <span key={path}>
            <Link to={path}>{path}</Link> ·{' '}
          </span>
        ))}
        <button
          type="button"
          className="usa-button usa-button--unstyled"
          onClick={() => setLanguage(language === 'en' ? 'es' : 'en')}
        >
          {language === 'en' ? 'Español' : 'English'}
        </button>{' '}
        (sign in through the shell or the API first: the session cookie belongs to the API&apos;s
        origin, proxied here)
      </nav>
      <main id="main-content" className="grid-container">
        <Routes>
          {paths.map((path) => (
            <Route key={path} path={`${path}/*`} element={areas[path]} />
          ))}
          <Route path="*" element={<Navigate to={paths[0] ?? '/'} replace />} />
        </Routes>
      </main>
    </>
  );
}

/** Renders the remote's areas into #root, as the shell would mount them. */
export function renderStandalone({ base, areas, wrap }: StandaloneOptions) {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      {wrap(
        <LanguageProvider>
          <BrowserRouter basename={base.replace(/\/$/, '')}>
            <StandaloneFrame areas={areas} />
          </BrowserRouter>
        </LanguageProvider>,
      )}
    </StrictMode>,
  );
}
