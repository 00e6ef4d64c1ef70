import { signOutMutationOptions } from '@hms/api-client';
import { useLanguage, useT } from '@hms/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import closeIcon from '@uswds/uswds/img/usa-icons/close.svg';
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { shellMessages } from './messages.ts';
import { AREA_ROLES, hasAnyRole, navigationFor } from './navigation.ts';
import { NotificationsLink } from './NotificationsLink.tsx';
import { useSession } from './session.ts';

/** USWDS basic header with role-aware navigation, the language switch and sign in / sign out. */
export function Header() {
  const tr = useT(shellMessages);
  const { language, setLanguage } = useLanguage();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useMutation(signOutMutationOptions(queryClient));

  // Mobile menu: USWDS JS is not loaded, so the open state, Escape and focus return are handled here.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return undefined;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const items = navigationFor(user);
  const otherLanguage = language === 'en' ? 'es' : 'en';
  const signInTarget = `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;

  return (
    <>
      <header className="usa-header usa-header--basic">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <Link to="/" aria-label={tr('homeLink')}>
                  {tr('agency')}
                </Link>
              </em>
            </div>
            <button
              ref={menuButton}
              type="button"
              className="usa-menu-btn"
              aria-expanded={menuOpen}
              aria-controls="primary-nav"
              onClick={() => setMenuOpen(true)}
            >
              {tr('menu')}
            </button>
          </div>
          <nav
            aria-label={tr('primaryNav')}
            className={`usa-nav${menuOpen ? ' is-visible' : ''}`}
            id="primary-nav"
          >
            <button
              ref={closeButton}
              type="button"
              className="usa-nav__close"
              onClick={() => {
                setMenuOpen(false);
                menuButton.current?.focus();
              }}
            >
              <img src={closeIcon} role="img" alt={tr('closeMenu')} />
            </button>
            <ul className="usa-nav__primary usa-accordion">
              {items.map((item) => (
                <li className="usa-nav__primary-item" key={item.to}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) => `usa-nav-link${isActive ? ' usa-current' : ''}`}
                  >
                    <span>{tr(item.key)}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="usa-nav__secondary">
              <ul className="usa-nav__secondary-links">
                <li className="usa-nav__secondary-item">
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    lang={otherLanguage}
                    aria-label={tr('switchLanguageLabel')}
                    onClick={() => setLanguage(otherLanguage)}
                  >
                    {tr('switchLanguage')}
                  </button>
                </li>
                {user ? (
                  <>
                    {hasAnyRole(user, AREA_ROLES.myRequests) ? (
                      <li className="usa-nav__secondary-item">
                        <NotificationsLink />
                      </li>
                    ) : null}
                    <li className="usa-nav__secondary-item">
                      {tr('signedInAs', { name: user.displayName })}
                    </li>
                    <li className="usa-nav__secondary-item">
                      <button
                        type="button"
                        className="usa-button usa-button--unstyled"
                        onClick={() =>
                          signOut.mutate(undefined, { onSuccess: () => navigate('/') })
                        }
                        disabled={signOut.isPending}
                      >
                        {tr('signOut')}
                      </button>
                    </li>
                  </>
                ) : location.pathname !== '/sign-in' ? (
                  <li className="usa-nav__secondary-item">
                    <Link to={signInTarget}>{tr('signIn')}</Link>
                  </li>
                ) : null}
              </ul>
            </div>
          </nav>
        </div>
      </header>
      <div
        className={`usa-overlay${menuOpen ? ' is-visible' : ''}`}
        onClick={() => setMenuOpen(false)}
        aria-hidden="true"
      />
    </>
  );
}
