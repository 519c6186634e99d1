/**
 * Dead-code check (`npm run knip`, part of `npm run lint`): files nothing imports, exports
 * nothing uses, dependencies nothing needs. Two passes: the default one sees every entry (tests
 * included); `--production` sees only what ships or runs for a user — the components on the
 * platform, the preview, the sample-data generator and the org and validation scripts — so an
 * export that only a test or a benchmark reaches fails it.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The part of knip's configuration used here (knip validates the whole at run time; its
 * published types do not resolve under this project's TypeScript 5.4 settings).
 */
interface KnipConfig {
  entry: string[];
  project: string[];
  jest: boolean;
  ignoreBinaries: string[];
  ignoreExportsUsedInFile: boolean;
  ignoreDependencies: (string | RegExp)[];
}

const LWC = 'force-app/main/default/lwc';

/**
 * The platform's entry points: each bundle its .js-meta.xml exposes (placed on pages by
 * FlexiPages). Service modules (isExposed false) are reached through their `c/*` imports.
 */
function exposedBundles(): string[] {
  return readdirSync(LWC)
    .filter((name) => {
      try {
        const meta = readFileSync(`${LWC}/${name}/${name}.js-meta.xml`, 'utf8');
        return /<isExposed>\s*true\s*<\/isExposed>/.test(meta);
      } catch {
        return false;
      }
    })
    .map((name) => `${LWC}/${name}/${name}.ts!`);
}

const config: KnipConfig = {
  entry: [
    ...exposedBundles(),
    // The preview's browser entry, and the modules its bundler resolves by name:
    // `preview/<name>` to the page shell and `lightning/<name>` to the platform stand-ins.
    'preview/main.ts!',
    'preview/shell/*/*.ts!',
    'preview/modules/lightning/*/*.ts!',
    // What package.json's scripts run for a user (knip reads the scripts, but counts them as
    // production code only when marked so).
    'preview/{build,serve}.ts!',
    'scripts/{tsconfig-paths,validate/cli,scan/scan}.ts!',
    'scripts/org/{setup,delete,verify}.ts!',
    // The sample-data generator's command line (`npm run data:generate`); knip finds it through
    // package.json's scripts, but only this marks it as production code.
    'data/cli.ts!',
    // Tool tests, browser tests and benchmarks.
    '{scripts,preview,data,bench,e2e}/**/*.test.ts',
    // Jest: the config, its setup files, the component tests and the shared mocks.
    'jest.config.js',
    'jest-*-setup.js',
    'force-app/**/__tests__/**/*.ts',
    'force-app/test/jest-mocks/**/*.ts'
  ],
  // Production code ('!'): what ships or runs for a user. Patterns without '!' are test code
  // and tooling for developers; --production leaves them out.
  project: [
    '{force-app,preview,scripts,data}/**/*.{ts,mjs}!',
    // The dead-code check itself is a developer's tool.
    '!scripts/knip.ts!',
    '{bench,e2e}/**/*.ts',
    '**/*.test.ts',
    '**/{__tests__,testing}/**/*.ts',
    'force-app/test/**/*.ts',
    '*.{js,mjs,ts}'
  ],
  // Jest runs through @salesforce/sfdx-lwc-jest, which brings its own jest, preset and
  // environment; knip's Jest plugin would count those as missing, so the test entries are
  // named above instead (testMatch, setup files and mocks in jest.config.js).
  jest: false,
  ignoreBinaries: ['jest'],
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // Platform modules: the LWC runtime provides them (typed in types/ and
    // @salesforce/lightning-types; the preview and Jest stand in for them).
    'lightning',
    /^@salesforce\/(apex|client|customPermission|i18n|label|resourceUrl|schema|user|userPermission)$/,
    // Read from node_modules by path, not imported: base components (preview bundler), SLDS
    // (preview server), Salesforce's shared GraphQL schema (preview org).
    'lightning-base-components',
    '@salesforce-ux/design-system',
    '@salesforce/webapp-template-feature-graphql-experimental',
    // `lwc` resolves to it when the preview bundles components.
    '@lwc/engine-dom',
    // The `sf` binary the validation and org scripts spawn.
    '@salesforce/cli'
  ]
};

/**
 * The production pass: npm's pre-scripts run scripts/ensure-deps.mjs before `npm start` (knip
 * finds it through package.json but counts it as production code only when told, and calls the
 * entry redundant in the default pass); the tools run under tsx, a devDependency, as all of
 * this repository's tooling is — what ships to an org needs no Node binary.
 */
export default (options: { production?: boolean } = {}): KnipConfig =>
  options.production
    ? {
        ...config,
        entry: [...config.entry, 'scripts/ensure-deps.mjs!'],
        ignoreBinaries: [...config.ignoreBinaries, 'tsx']
      }
    : config;
