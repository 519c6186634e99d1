// Flat ESLint config: the LWC platform rules (@salesforce/eslint-config-lwc, recommended) for
// the component sources, typescript-eslint's type-checked rules for every .ts file, and plain
// recommended rules for the JavaScript tooling files.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc';
import jestPlugin from 'eslint-plugin-jest';

const LWC_TS = ['force-app/**/lwc/**/*.ts'];
const TOOLING_TS = [
  'scripts/**/*.ts',
  'preview/**/*.ts',
  'data/**/*.ts',
  'e2e/**/*.ts',
  'bench/**/*.ts',
  'types/**/*.ts',
  'knip.ts'
];

// The LWC configs parse with Babel; for .ts we swap in the typescript-eslint parser so the
// type-checked rules see real types, and keep the LWC rules themselves.
const lwcForTs = lwcConfig.configs.recommendedTs.map((config) => ({
  ...config,
  files: LWC_TS,
  languageOptions: { ...config.languageOptions, parser: undefined, parserOptions: undefined }
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.preview-build/**',
      'dist/**',
      'force-app/**/lwc/**/*.js',
      'e2e/screenshots/**',
      '.sf/**',
      '.sfdx/**'
    ]
  },
  ...lwcForTs,
  {
    files: [...LWC_TS, ...TOOLING_TS],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: TOOLING_TS,
    languageOptions: { globals: { ...globals.node } }
  },
  {
    // The preview's browser side (entry, runtime, platform stand-ins, page shell) runs in a
    // page, and browser tests pass callbacks into one.
    files: [
      'preview/main.ts',
      'preview/runtime/**/*.ts',
      'preview/modules/**/*.ts',
      'preview/shell/**/*.ts',
      'e2e/**/*.ts'
    ],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    // node:test's describe/it return promises that the runner itself awaits.
    files: [
      'scripts/**/*.test.ts',
      'preview/**/*.test.ts',
      'data/**/*.test.ts',
      'e2e/**/*.test.ts',
      'bench/**/*.test.ts'
    ],
    rules: { '@typescript-eslint/no-floating-promises': 'off' }
  },
  {
    files: ['force-app/**/__tests__/**/*.ts'],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      // Tests reach into shadow roots and wire stubs whose types are loose by nature.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off'
    }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['force-app/**'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } }
  }
);
