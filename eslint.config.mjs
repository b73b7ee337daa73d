import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const zodPath = { name: 'zod', message: "Import { z } from '@/lib/zod' (it keeps zod eval-free in the browser)." };
const browserPaths = [
  zodPath,
  { name: 'server-only', message: 'This module is shared with the browser: it cannot be server-only.' },
];
const serverPatterns = [
  {
    group: [
      '@/lib/server',
      '@/lib/server/*',
      '@/lib/realtime/server/*',
      '**/lib/server/*',
      '**/realtime/server/*',
      '../server/*',
    ],
    message:
      'Server code stays on the server: take the types from @/lib/contracts (or @/lib/realtime/protocol) instead.',
  },
];
const queryHooksPath = {
  name: '@tanstack/react-query',
  importNames: ['useQuery', 'useMutation', 'useQueryClient', 'useInfiniteQuery', 'useSuspenseQuery'],
  message: 'Query and mutate in a hook (components/<area>/use-*.ts) with keys from lib/client/query-keys.',
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next*/**',
      'lib/generated/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      'next-env.d.ts',
    ],
  },
  {
    // Test clients read loosely shaped JSON on purpose: assertions are the type checks there.
    files: ['tests/support/http.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // One zod, configured once (lib/zod.ts): the browser's CSP forbids its eval-compiled parsers.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodPath] }] },
  },
  {
    // Code that runs in the browser, or is shared with it, never reaches into the server (types
    // included): the wire's types are in lib/contracts, the socket protocol in lib/realtime/protocol.
    // Flat config does not merge a rule's options, so the shared paths are repeated per block.
    files: [
      'components/**',
      'lib/client/**',
      'lib/realtime/client/**',
      'lib/realtime/protocol/**',
      'lib/contracts/**',
      'lib/domain/**',
    ],
    rules: { 'no-restricted-imports': ['error', { paths: browserPaths, patterns: serverPatterns }] },
  },
  {
    // Data access lives in hooks (components/**/use-*.ts): a component renders what a hook gives it.
    files: ['components/**/*.tsx', 'app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [zodPath, queryHooksPath],
          patterns: [],
        },
      ],
    },
  },
  {
    // Components: both rules at once (a later block replaces the rule's options, never merges them).
    files: ['components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...browserPaths, queryHooksPath],
          patterns: serverPatterns,
        },
      ],
    },
  },
  {
    // One configuration (lib/server/env.ts): every variable parsed and checked at start, and listed
    // in the README. server.ts and the scripts write the values they settle; they read through env().
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/server/env.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: "Read configuration through env() from '@/lib/server/env' (and list a new variable in the README).",
        },
      ],
    },
  },
  {
    // Imports read in one order everywhere: node, packages, '@/…', then relative; alphabetical within.
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
