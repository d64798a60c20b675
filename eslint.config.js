import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // generated/ is machine-owned: never linted, never edited by hand.
  { ignores: ['generated/', 'dist/', 'node_modules/', 'coverage/', '.tmp/', 'bench/node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Scripts Bun, Deno and workerd run as they are: the globals those runtimes share with browsers.
    files: ['test/runtimes/*.mjs', 'bench/runtime/*.mjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        AbortController: 'readonly',
        Response: 'readonly',
        URL: 'readonly',
      },
    },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
