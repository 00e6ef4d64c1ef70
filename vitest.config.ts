import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: node code and browser components run in separate projects.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{ach,contracts}/src/**/*.test.ts', 'apps/api/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          setupFiles: ['./packages/ui/src/vitest-setup.test-helper.ts'],
          // A screen test renders whole pages with axe; on a loaded 2-core CI machine the 5 s default is too tight.
          // Budgets live in bench/, never in test timeouts.
          testTimeout: 20_000,
          include: [
            'packages/{ui,api-client,intake-form}/src/**/*.test.{ts,tsx}',
            'apps/{shell,intake,approvals,finance,admin}/src/**/*.test.{ts,tsx}',
          ],
        },
      },
    ],
  },
});
