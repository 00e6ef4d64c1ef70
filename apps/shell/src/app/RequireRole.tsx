import type { Role } from '@hms/api-client';
import { LoadingState, ProblemAlert } from '@hms/ui';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ForbiddenRoute } from '../features/errors/routes/forbidden-route.tsx';
import { hasAnyRole } from './navigation.ts';
import { useSession } from './session.ts';

/**
 * Guards a role's area: signed-out visitors go to sign-in (and come back after), signed-in users without
 * the role see the 403 page. The API enforces the same rules; this only keeps people out of dead ends.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <LoadingState />;
  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (!hasAnyRole(user, roles)) return <ForbiddenRoute />;
  return <>{children}</>;
}
