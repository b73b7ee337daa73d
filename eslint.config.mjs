import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
