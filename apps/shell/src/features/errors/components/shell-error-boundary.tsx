import { Component, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { RouteError } from '../routes/route-error.tsx';

interface Props {
  children: ReactNode;
  /** A new location clears the error, so the navigation still works after a page failed. */
  resetKey: string;
}

class Boundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.error && previous.resetKey !== this.props.resetKey)
      this.setState({ error: null });
  }

  override componentDidCatch(error: unknown) {
    console.error('[shell] page failed', error);
  }

  override render() {
    return this.state.error ? <RouteError /> : this.props.children;
  }
}

/** Last-resort boundary for the shell's own pages (each remote area has its own, with a retry). */
export function ShellErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary resetKey={pathname}>{children}</Boundary>;
}
