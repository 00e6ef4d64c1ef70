import type { ComponentType } from 'react';

/**
 * The shell ↔ remote contract: the areas each remote's exposed `./routes` module provides, by remote name.
 * Each remote's `routes.tsx` default-exports an object that `satisfies RemoteModule<'its name'>`, and the shell's loader
 * reads the same type, so a renamed, missing or extra area fails the typecheck of both sides instead of the page.
 * An area is a route-level component mounted by the shell at its path, inside the shell's providers.
 */
export interface RemoteAreas {
  intake: 'ServicesArea' | 'MyRequestsArea';
  approvals: 'ApprovalsArea';
  finance: 'FinanceArea';
  admin: 'AdminArea' | 'SimulationsArea';
}

export type RemoteName = keyof RemoteAreas;

/** What `<remote>/routes` exposes: its areas as components. */
export type RemoteModule<R extends RemoteName> = Record<RemoteAreas[R], ComponentType>;
