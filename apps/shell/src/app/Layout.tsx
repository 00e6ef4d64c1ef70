import { updateMeMutationOptions } from '@hms/api-client';
import { requestHeadingFocus, useLanguage, useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { ShellErrorBoundary } from '../features/errors/components/shell-error-boundary.tsx';
import { Banner } from './Banner.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { shellMessages } from './messages.ts';
import { useSession } from './session.ts';

/** Whose profile the language stored on this device was last in step with (a shared computer has several people). */
const LANGUAGE_OWNER_KEY = 'hms.lang.user';

function languageOwner(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_OWNER_KEY) ?? null;
  } catch {
    return null;
  }
}

function setLanguageOwner(userId: string): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_OWNER_KEY, userId);
  } catch {
    // Storage can be disabled: the choice then lasts for the page only.
  }
}

/**
 * Keeps the profile language and the page language in step. The person's own choice wins and is saved to the profile,
 * so emails and notifications follow it: one made on this page (the language switch, before or after signing in), or
 * one stored on this device while they were signed in. Otherwise the profile wins: on a shared computer the stored
 * choice may be the previous person's, and it must not rewrite the next person's profile.
 */
function LanguageSync() {
  const { user } = useSession();
  const { language, setLanguage } = useLanguage();
  const queryClient = useQueryClient();
  const { mutate: updateMe } = useMutation(updateMeMutationOptions(queryClient));
  const userLanguage = user?.language;
  const userId = user?.id;
  // The language this page started in or the sync itself set; any other is the person's choice.
  const notChosen = useRef<Set<string>>(new Set([language]));
  const chosenHere = useRef(false);
  const lastUserId = useRef(userId);
  if (lastUserId.current !== userId) {
    // Signed out (or another person signed in): a choice made in the previous session goes with it.
    if (lastUserId.current !== undefined) {
      chosenHere.current = false;
      notChosen.current = new Set([language]);
    }
    lastUserId.current = userId;
  }
  if (!notChosen.current.has(language)) chosenHere.current = true;
  useEffect(() => {
    if (!userId || !userLanguage) return;
    if (userLanguage === language) setLanguageOwner(userId);
    else if (chosenHere.current || languageOwner() === userId) updateMe({ language });
    else {
      notChosen.current = new Set([userLanguage]);
      setLanguage(userLanguage);
    }
  }, [userId, userLanguage, language, setLanguage, updateMe]);
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
