import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.hms-data/**',
      'packages/api-client/src/schema.d.ts',
      '**/test-results/**',
      '**/playwright-report/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'apps/{shell,intake,approvals,finance,admin}/src/**/*.{ts,tsx}',
      'packages/ui/src/**/*.{ts,tsx}',
      'packages/intake-form/src/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Architecture boundaries: a feature never reaches into another feature; apps never import each other;
  // web apps reach the API only through @hms/api-client.
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'feature', pattern: 'apps/*/src/features/*', capture: ['app', 'feature'] },
        { type: 'module', pattern: 'apps/api/src/modules/*', capture: ['module'] },
        { type: 'platform', pattern: 'apps/api/src/platform' },
        { type: 'app', pattern: 'apps/*', capture: ['app'] },
        { type: 'package', pattern: 'packages/*', capture: ['pkg'] },
      ],
      'boundaries/include': ['apps/**/*', 'packages/**/*'],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'feature' } },
              disallow: {
                to: {
                  element: {
                    type: 'feature',
                    captured: {
                      app: '{{from.captured.app}}',
                      feature: '!{{from.captured.feature}}',
                    },
                  },
                },
              },
              message:
                'Features must not import from other features; move shared code to a shared place.',
            },
            {
              from: { element: { types: { anyOf: ['app', 'feature'] } } },
              disallow: {
                to: {
                  element: {
                    types: { anyOf: ['app', 'feature'] },
                    captured: { app: '!{{from.captured.app}}' },
                  },
                },
              },
              message: 'Apps must not import each other; move shared code to a package.',
            },
            {
              from: { element: { type: 'platform' } },
              disallow: { to: { element: { type: 'module' } } },
              message: 'The API platform must not depend on domain modules.',
            },
            {
              from: { element: { type: 'package' } },
              disallow: {
                to: { element: { types: { anyOf: ['app', 'feature', 'module', 'platform'] } } },
              },
              message: 'Packages must not import from apps.',
            },
          ],
        },
      ],
    },
  },
  // Test helpers (fake API, rendering a screen with its providers) are for tests only: shipped code never imports them.
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.test-helper.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/*.test-helper*', '@hms/api-client/fake-api', '@hms/ui/render-at'],
              message: 'Test helpers are for tests (*.test.ts[x]) only.',
            },
          ],
        },
      ],
    },
  },
  // API module ownership (docs/CONVENTIONS.md): another module is reached only through its service.ts (repos and
  // helpers are private), so every table keeps one owner. Tests and their fixtures may reach further.
  {
    files: ['apps/api/src/modules/**/*.ts'],
    ignores: [
      'apps/api/src/modules/**/*.test.ts',
      'apps/api/src/modules/**/fixtures.ts',
      'apps/api/src/modules/**/*.fixture.ts',
      'apps/api/src/modules/**/test-support.ts',
    ],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'module' } },
              disallow: {
                to: {
                  element: {
                    type: 'module',
                    captured: { module: '!{{from.captured.module}}' },
                    fileInternalPath: '!service.ts',
                  },
                },
              },
              message:
                "Import another API module only through its service.ts ({{to.captured.module}}'s repo and helpers are its own).",
            },
          ],
        },
      ],
    },
  },
);
