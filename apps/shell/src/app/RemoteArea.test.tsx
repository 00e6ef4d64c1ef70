import { LanguageProvider } from '@hms/ui';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemoteArea, RemoteErrorBoundary, resetRemoteAreas } from './RemoteArea.tsx';

afterEach(() => {
  // Unmounted before the rest is reset (the shared set-up's clean-up runs after this one).
  cleanup();
  resetRemoteAreas();
  vi.restoreAllMocks();
});

function Page({ load }: { load: () => Promise<() => React.JSX.Element> }) {
  return (
    <LanguageProvider initialLanguage="en">
      <header>
        <a href="/">Shell header</a>
      </header>
      <RemoteArea id="intake/Test" area="Services" load={load} />
    </LanguageProvider>
  );
}

describe('RemoteArea', () => {
  it('shows an accessible error in place of a remote that fails, and "Try again" really loads again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi
      .fn<() => Promise<() => React.JSX.Element>>()
      .mockRejectedValueOnce(new Error('RUNTIME-008: failed to load remote entry'))
      .mockResolvedValueOnce(() => <h1>Remote page</h1>);
    render(<Page load={load} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This section is not available right now');
    // The rest of the shell is still there.
    expect(screen.getByRole('link', { name: 'Shell header' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Remote page' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps a loaded remote across remounts instead of fetching it again', async () => {
    const load = vi.fn(async () => () => <h1>Loaded once</h1>);
    const { unmount } = render(<Page load={load} />);
    await screen.findByRole('heading', { name: 'Loaded once' });
    unmount();
    render(<Page load={load} />);
    await screen.findByRole('heading', { name: 'Loaded once' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('catches a remote that throws while rendering', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const Broken = () => {
      throw new Error('bug in remote');
    };
    render(<Page load={async () => Broken} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Services');
  });

  it('reloads the page to retry a chunk of a loaded remote that failed to download (a failed import stays failed)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reloadPage = vi.fn();
    const onRetry = vi.fn();
    const LostChunk = () => {
      throw new TypeError(
        'Failed to fetch dynamically imported module: /remotes/intake/assets/bank-form.js',
      );
    };
    render(
      <LanguageProvider initialLanguage="en">
        <RemoteErrorBoundary
          onRetry={onRetry}
          reloadPage={reloadPage}
          fallback={(retry) => (
            <button type="button" onClick={retry}>
              Try again
            </button>
          )}
        >
          <LostChunk />
        </RemoteErrorBoundary>
      </LanguageProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reloadPage).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });
});
