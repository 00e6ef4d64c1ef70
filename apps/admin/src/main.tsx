// Standalone entry for `pnpm --filter @hms/admin dev` (see @hms/ui/standalone). Not used when the shell loads the remote.
import { renderStandalone } from '@hms/ui/standalone';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AdminArea } from './routes.tsx';

renderStandalone({
  base: import.meta.env.BASE_URL,
  areas: { '/admin': <AdminArea /> },
  wrap: (page) => <QueryClientProvider client={new QueryClient()}>{page}</QueryClientProvider>,
});
