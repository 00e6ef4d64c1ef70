// Standalone entry for `pnpm --filter @hms/finance dev` (see @hms/ui/standalone). Not used when the shell loads the remote.
import { renderStandalone } from '@hms/ui/standalone';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FinanceArea } from './routes.tsx';

renderStandalone({
  base: import.meta.env.BASE_URL,
  areas: {
    '/finance': <FinanceArea />,
  },
  wrap: (page) => <QueryClientProvider client={new QueryClient()}>{page}</QueryClientProvider>,
});
