import { LoadingState, PageTitle, useT } from '@hms/ui';
import { Component, lazy, Suspense, useState } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import { shellMessages } from './messages.ts';

interface BoundaryProps {
  children: ReactNode;
  fallback: (retry: () => void) => ReactNode;
  onRetry: () => void;
  /** How a page is reloaded (a test passes its own). */
  reloadPage?: () => void;
}

/**
 * A chunk inside a loaded remote (a lazy form step, say) that failed to download. The browser keeps a failed module
 * import failed for the rest of the page's life, so only reloading the page fetches it again; the person's answers
 * are saved on the server step by step, so nothing is lost.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(
    message,
  );
}

/**
 * Catches a remote that fails to download or throws while rendering, so only its own area shows an
 * error while the header, navigation and the other remotes keep working.
 */
export class RemoteErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown) {
    // Visible in the browser console for whoever investigates; the user sees the plain panel.
    console.error('[shell] remote failed', error);
  }

  retry = () => {
    if (isChunkLoadError(this.state.error)) {
      (this.props.reloadPage ?? (() => window.location.reload()))();
      return;
    }
    this.props.onRetry();
    this.setState({ error: null });
  };

  override render() {
    return this.state.error ? this.props.fallback(this.retry) : this.props.children;
  }
}

function RemoteErrorPanel({ area, onRetry }: { area: string; onRetry: () => void }) {
  const tr = useT(shellMessages);
  return (
    <div className="usa-alert usa-alert--error margin-y-4" role="alert">
      <div className="usa-alert__body">
        {/* A PageTitle, so the tab title says what happened and focus lands here after a navigation. */}
        <PageTitle className="usa-alert__heading">{`${tr('remoteErrorTitle')}: ${area}`}</PageTitle>
        <p className="usa-alert__text">{tr('remoteErrorBody')}</p>
        <button type="button" className="usa-button margin-top-2" onClick={onRetry}>
          {tr('tryAgain')}
        </button>
      </div>
    </div>
  );
}

type Loader = () => Promise<ComponentType>;

// One lazy component per remote area, kept across navigations so a loaded remote is not fetched again.
// A failed one is dropped, so the next render (retry, or a later visit) creates a new lazy that loads again.
const lazies = new Map<string, LazyExoticComponent<ComponentType>>();

function lazyFor(key: string, load: Loader) {
  let component = lazies.get(key);
  if (!component) {
    component = lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        lazies.delete(key);
        throw error;
      }
    });
    lazies.set(key, component);
  }
  return component;
}

export interface RemoteAreaProps {
  /** Cache key of this area, e.g. "intake/MyRequests". */
  id: string;
  /** Human name of the area, for the error panel. */
  area: string;
  load: Loader;
}

/** A remote's area in the page: loaded on first visit, with loading state and an error panel with retry. */
export function RemoteArea({ id, area, load }: RemoteAreaProps) {
  const tr = useT(shellMessages);
  // Bumped by "Try again" so this component renders again and picks up a fresh lazy.
  const [, setAttempt] = useState(0);
  const Remote = lazyFor(id, load);
  return (
    <RemoteErrorBoundary
      onRetry={() => setAttempt((n) => n + 1)}
      fallback={(retry) => <RemoteErrorPanel area={area} onRetry={retry} />}
    >
      <Suspense fallback={<LoadingState label={tr('remoteLoading')} />}>
        <Remote />
      </Suspense>
    </RemoteErrorBoundary>
  );
}

/** Drops every cached area (tests only need this between cases). */
export function resetRemoteAreas(): void {
  lazies.clear();
}
