import '@hms/ui/uswds-theme.scss';
import '@hms/ui/styles.css';
import './app/shell.css';
import { LanguageProvider } from '@hms/ui';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './app/query-client.ts';
import { AppRoutes } from './app/router.tsx';

const queryClient = createQueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The shell owns every cross-app context: remotes render inside these providers and bring none of their own.
// Saving a language change to the profile is done by LanguageSync in the layout, where the session is known.
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <BrowserRouter>
          <AppRoutes queryClient={queryClient} />
        </BrowserRouter>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
);
