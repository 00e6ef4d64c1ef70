import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundRoute } from '../features/errors/routes/not-found-route.tsx';
import { RouteError } from '../features/errors/routes/route-error.tsx';
import { HomeRoute } from '../features/home/routes/home-route.tsx';
import { Layout } from './Layout.tsx';
import { AREA_ROLES } from './navigation.ts';
import { RemoteArea } from './RemoteArea.tsx';
import { loadRemoteRoutes, type RemoteName } from './remotes.ts';
import { RequireRole } from './RequireRole.tsx';
import { useT } from '@hms/ui';
import { shellMessages } from './messages.ts';
import type { Role } from '@hms/api-client';

interface RemoteMount {
  path: string;
  remote: RemoteName;
  /** Named export of the remote's `./routes` module rendered at this path. */
  exportName: string;
  areaKey: 'areaIntake' | 'areaApprovals' | 'areaFinance' | 'areaAdmin';
  /** Undefined: open to everyone, signed in or not. */
  roles?: readonly Role[];
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
  // Service tokens, webhook endpoints and the email outbox: the finance remote serves them (FINANCIAL exchange settings).
  {
    path: 'admin/*',
    remote: 'finance',
    exportName: 'AdminArea',
    areaKey: 'areaAdmin',
    roles: AREA_ROLES.admin,
  },
];

function MountedRemote({ mount, queryClient }: { mount: RemoteMount; queryClient: QueryClient }) {
  const tr = useT(shellMessages);
  const area = (
    <RemoteArea
      id={`${mount.remote}/${mount.exportName}`}
      area={tr(mount.areaKey)}
      load={async () => {
        const module = await loadRemoteRoutes(queryClient, mount.remote);
        const component = module[mount.exportName];
        if (typeof component !== 'function' && typeof component !== 'object') {
          throw new Error(`Remote "${mount.remote}" does not export ${mount.exportName}`);
        }
        return component as ComponentType;
      }}
    />
  );
  return mount.roles ? <RequireRole roles={mount.roles}>{area}</RequireRole> : area;
}

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <HomeRoute /> },
        // Forms (and zod) are split out: they are not needed for a citizen's first page.
        {
          path: 'sign-in',
          lazy: async () => ({
            Component: (await import('../features/auth/routes/sign-in-route.tsx')).default,
          }),
        },
        {
          path: 'register',
          lazy: async () => ({
            Component: (await import('../features/auth/routes/register-route.tsx')).default,
          }),
        },
        ...REMOTE_MOUNTS.map((mount) => ({
          path: mount.path,
          element: <MountedRemote mount={mount} queryClient={queryClient} />,
        })),
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ];
}

export function createRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
