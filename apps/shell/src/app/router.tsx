import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundRoute } from '../features/errors/routes/not-found-route.tsx';
import { ShellErrorBoundary } from '../features/errors/components/shell-error-boundary.tsx';
import { HomeRoute } from '../features/home/routes/home-route.tsx';
import { Layout } from './Layout.tsx';
import { AREA_ROLES } from './navigation.ts';
import { RemoteArea } from './RemoteArea.tsx';
import { loadRemoteRoutes } from './remotes.ts';
import { RequireRole } from './RequireRole.tsx';
import { LoadingState, useT, type RemoteAreas, type RemoteName } from '@hms/ui';
import { shellMessages } from './messages.ts';
import type { Role } from '@hms/api-client';

/** One mount per remote area; the area names come from the remote contract (RemoteAreas), checked at typecheck. */
type RemoteMount = {
  [R in RemoteName]: {
    path: string;
    remote: R;
    /** The area of the remote's `./routes` module rendered at this path. */
    exportName: RemoteAreas[R];
    areaKey: 'areaIntake' | 'areaApprovals' | 'areaFinance' | 'areaAdmin' | 'areaSimulations';
    /** Undefined: open to everyone, signed in or not. */
    roles?: readonly Role[];
  };
}[RemoteName];

async function loadArea<R extends RemoteName>(
  queryClient: QueryClient,
  remote: R,
  area: RemoteAreas[R],
) {
  const component = (await loadRemoteRoutes(queryClient, remote))[area];
  if (!component) throw new Error(`Remote "${remote}" does not export ${area}`);
  return component;
}

/** Which remote serves which part of the URL space. Each is downloaded only when its path is first visited. */
export const REMOTE_MOUNTS: RemoteMount[] = [
  { path: 'services/*', remote: 'intake', exportName: 'ServicesArea', areaKey: 'areaIntake' },
  {
    path: 'my-requests/*',
    remote: 'intake',
    exportName: 'MyRequestsArea',
    areaKey: 'areaIntake',
    roles: AREA_ROLES.myRequests,
  },
  {
    path: 'approvals/*',
    remote: 'approvals',
    exportName: 'ApprovalsArea',
    areaKey: 'areaApprovals',
    roles: AREA_ROLES.approvals,
  },
  {
    path: 'finance/*',
    remote: 'finance',
    exportName: 'FinanceArea',
    areaKey: 'areaFinance',
    roles: AREA_ROLES.finance,
  },
  {
    path: 'admin/*',
    remote: 'admin',
    exportName: 'AdminArea',
    areaKey: 'areaAdmin',
    roles: AREA_ROLES.admin,
  },
  {
    // The admin remote's policy simulation on its own, for finance staff (admins also have it in /admin).
    path: 'simulations/*',
    remote: 'admin',
    exportName: 'SimulationsArea',
    areaKey: 'areaSimulations',
    roles: AREA_ROLES.simulations,
  },
];

function MountedRemote({ mount, queryClient }: { mount: RemoteMount; queryClient: QueryClient }) {
  const tr = useT(shellMessages);
  const area = (
    <RemoteArea
      id={`${mount.remote}/${mount.exportName}`}
      area={tr(mount.areaKey)}
      load={() => loadArea(queryClient, mount.remote, mount.exportName)}
    />
  );
  return mount.roles ? <RequireRole roles={mount.roles}>{area}</RequireRole> : area;
}

// Forms (and zod) are split out: they are not needed for a citizen's first page.
const FORM_ROUTES = [
  { path: 'sign-in', Page: lazy(() => import('../features/auth/routes/sign-in-route.tsx')) },
  { path: 'register', Page: lazy(() => import('../features/auth/routes/register-route.tsx')) },
  {
    path: 'register/confirm',
    Page: lazy(() => import('../features/auth/routes/confirm-registration-route.tsx')),
  },
  { path: 'invitation', Page: lazy(() => import('../features/auth/routes/invitation-route.tsx')) },
];

/**
 * The shell's URL space. Declarative routes on purpose: the data router (loaders, actions) is not used, and
 * leaving it out keeps ~19 KB gzip of router code off every citizen's first page.
 */
export function AppRoutes({ queryClient }: { queryClient: QueryClient }) {
  return (
    <Routes>
      <Route
        element={
          <ShellErrorBoundary>
            <Layout />
          </ShellErrorBoundary>
        }
      >
        <Route index element={<HomeRoute />} />
        {FORM_ROUTES.map(({ path, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <Suspense fallback={<LoadingState />}>
                <Page />
              </Suspense>
            }
          />
        ))}
        {REMOTE_MOUNTS.map((mount) => (
          <Route
            key={mount.path}
            path={mount.path}
            element={<MountedRemote mount={mount} queryClient={queryClient} />}
          />
        ))}
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
