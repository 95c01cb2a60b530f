import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
    },
  },
  // Layering: one rule entry per area (a later no-restricted-imports entry replaces an earlier one for the same
  // file, so each area lists everything it may not import).
  ...layering(),
  prettier,
)

function layering() {
  const electron = {
    name: 'electron',
    message: 'Only src/main/electron and src/main/index.ts import electron.',
  }
  const nodeBuiltins = [
    'node:*',
    ...[
      'fs',
      'path',
      'os',
      'crypto',
      'child_process',
      'http',
      'https',
      'net',
      'url',
      'util',
      'events',
      'stream',
    ].flatMap((name) => [name, `${name}/*`]),
  ]
  const area = (files, paths, patterns, ignores = []) => ({
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  })
  const notFrom = (groups, message) => ({ group: groups, message })
  const rendererPatterns = [
    notFrom(
      ['@main/*', '@server/*', '@web/*', '@preload/*'],
      'The renderer talks to main only through the IPC bridge.',
    ),
    notFrom(nodeBuiltins, 'The renderer runs in a sandboxed page: no Node modules.'),
  ]
  return [
    area(
      ['src/**/*.{ts,tsx}'],
      [electron],
      [],
      ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'],
    ),
    area(
      ['src/shared/**/*.{ts,tsx}'],
      [electron],
      [
        notFrom(
          ['@main/*', '@server/*', '@renderer/*', '@web/*', '@preload/*'],
          'src/shared is imported, it imports nothing of ours.',
        ),
        notFrom(
          [...nodeBuiltins, 'react', 'react-dom', 'react/*', 'react-dom/*'],
          'src/shared runs everywhere: no node, react or electron.',
        ),
      ],
    ),
    area(['src/renderer/**/*.{ts,tsx}'], [electron], rendererPatterns),
    area(
      ['src/renderer/src/components/**/*.{ts,tsx}'],
      [electron],
      [
        ...rendererPatterns,
        notFrom(
          ['@renderer/features/*', '../features/*', '../../features/*'],
          'components/ are generic: they never import features/.',
        ),
      ],
    ),
  ]
}
