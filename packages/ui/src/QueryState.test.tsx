import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LanguageProvider } from './i18n.tsx';
import { QueryState, type QueryLike } from './QueryState.tsx';

const query = (over: Partial<QueryLike<string[]>>): QueryLike<string[]> => ({
  isPending: false,
  isError: false,
  error: null,
  data: undefined,
  refetch: vi.fn(),
  ...over,
});

const show = (q: QueryLike<string[]>, extra: { loading?: string; headingLevel?: 3 } = {}) =>
  render(
    <LanguageProvider initialLanguage="en">
      <QueryState
        query={q}
        {...extra}
        empty={<p>Nothing here</p>}
        isEmpty={(items) => items.length === 0}
      >
        {(items) => (
          <ul>
            {items.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
      </QueryState>
    </LanguageProvider>,
  );

describe('QueryState', () => {
  it('says the given loading text in a status region while pending', () => {
    show(query({ isPending: true }), { loading: 'Loading staff…' });
    expect(screen.getByRole('status').textContent).toBe('Loading staff…');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('falls back to the shared loading text', () => {
    show(query({ isPending: true }));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('shows the error as an alert whose "Try again" refetches', async () => {
    const q = query({ isError: true, error: { status: 500, title: 'x' }, data: ['stale'] });
    show(q, { headingLevel: 3 });
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Something went wrong');
    expect(screen.queryByText('stale')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(q.refetch).toHaveBeenCalledTimes(1);
  });

  it('shows the empty state when the answer has nothing, and the content otherwise', () => {
    show(query({ data: [] }));
    expect(screen.getByText('Nothing here')).toBeTruthy();
    cleanup();
    show(query({ data: ['a', 'b'] }));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['a', 'b']);
    expect(screen.queryByText('Nothing here')).toBeNull();
  });

  it('without isEmpty, counts an empty list or a page with no items as empty', () => {
    const page = (items: string[]) => ({ ...query({}), data: { items } });
    const showPage = (q: QueryLike<{ items: string[] }>) =>
      render(
        <LanguageProvider initialLanguage="en">
          <QueryState query={q} empty={<p>No rows</p>}>
            {(d) => <p>{d.items.join(',')}</p>}
          </QueryState>
        </LanguageProvider>,
      );
    showPage(page([]));
    expect(screen.getByText('No rows')).toBeTruthy();
    cleanup();
    showPage(page(['a', 'b']));
    expect(screen.getByText('a,b')).toBeTruthy();
  });
});
