import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import haven from './scripts/lint/import-boundaries.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'var/**', 'apps/web/src/lib/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Config classes annotate defaults so class-transformer sees the design type.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // No app imports another, no library imports an app, contracts import nothing, the gateway
    // imports no database code, libraries keep their layers (scripts/lint/import-boundaries.mjs).
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { haven },
    rules: { 'haven/import-boundaries': 'error' },
  },
  {
    // One payments adapter talks to Razorpay; everything else goes through it.
    files: ['**/*.ts'],
    ignores: ['apps/booking/src/payments/razorpay/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^razorpay(/|$)',
              message: 'Only apps/booking/src/payments/razorpay imports the Razorpay SDK; use RazorpayPayments.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', Request: 'readonly', Intl: 'readonly' },
    },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
