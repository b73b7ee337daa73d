import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const zodPath = { name: 'zod', message: "Import { z } from '@/lib/zod' (it keeps zod eval-free in the browser)." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', '.next*/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', '.data/**', 'next-env.d.ts'],
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
    // Flat config does not merge a rule's options, so the zod path is repeated here.
    files: ['components/**', 'lib/client/**', 'lib/realtime/client/**', 'lib/realtime/protocol/**', 'lib/contracts/**', 'lib/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [zodPath, { name: 'server-only', message: 'This module is shared with the browser: it cannot be server-only.' }],
          patterns: [
            {
              group: ['@/lib/server', '@/lib/server/*', '@/lib/realtime/server/*', '**/lib/server/*', '**/realtime/server/*', '../server/*'],
              message: 'Server code stays on the server: take the types from @/lib/contracts (or @/lib/realtime/protocol) instead.',
            },
          ],
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
