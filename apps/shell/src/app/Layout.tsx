import { updateMeMutationOptions } from '@hms/api-client';
import { readStoredLanguage, requestHeadingFocus, useLanguage, useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ShellErrorBoundary } from '../features/errors/components/shell-error-boundary.tsx';
import { Banner } from './Banner.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { shellMessages } from './messages.ts';
import { useSession } from './session.ts';

/**
 * Keeps the profile language and the page language in step. A stored choice (made on this device) wins and
 * is saved to the profile, so emails and notifications follow it; with nothing stored, the profile wins.
 */
function LanguageSync() {
  const { user } = useSession();
  const { language, setLanguage } = useLanguage();
  const queryClient = useQueryClient();
  const { mutate: updateMe } = useMutation(updateMeMutationOptions(queryClient));
  const userLanguage = user?.language;
  useEffect(() => {
    if (!userLanguage || userLanguage === language) return;
    if (readStoredLanguage()) updateMe({ language });
    else setLanguage(userLanguage);
  }, [userLanguage, language, setLanguage, updateMe]);
  return null;
}

export function Layout() {
  const tr = useT(shellMessages);
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // On a client-side navigation nothing tells a screen reader the page changed: move focus to the new
  // page's heading (not on first load, where the browser starts at the top as usual).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    requestHeadingFocus(main.current ?? document);
  }, [pathname]);

  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {tr('skipLink')}
      </a>
      <LanguageSync />
      <Banner />
      <Header />
      <main
        id="main-content"
        ref={main}
        tabIndex={-1}
        className="grid-container padding-bottom-5 hms-main"
      >
        <ShellErrorBoundary>
          <Outlet />
        </ShellErrorBoundary>
      </main>
      <Footer />
    </>
  );
}
