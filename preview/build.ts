/**
 * Builds the local preview into .preview-build/: the LWC bundles (Rollup + @lwc/rollup-plugin
 * with the real base components from lightning-base-components and synthetic shadow), the
 * object model as JSON for the in-memory org, and index.html.
 *
 * Module resolution, as on the platform:
 *   c/<bundle>                  force-app/main/default/lwc/<bundle>/<bundle>.ts, compiled here
 *                               as tsconfig.build.json compiles it; its relative imports resolve
 *                               to .ts too. Never the .js `npm run build` emits: a tsc run may be
 *                               rewriting it, and a half-written file must not reach the preview.
 *   lightning/graphql, uiRecordApi, uiObjectInfoApi, navigation, platformShowToastEvent,
 *   platformResourceLoader      preview/modules/lightning/* (backed by the in-memory org)
 *   lightning/*                 lightning-base-components
 *   preview/<name>              the page shell, preview/shell/<name>
 *   @salesforce/label/c.X       the label's value from force-app's labels
 *   @salesforce/schema/O.F      { objectApiName: 'O', fieldApiName: 'F' }
 *   @salesforce/user/Id         the persona's user id
 *   @salesforce/i18n/X          locale, currency, lang, timeZone from I18N_DEFAULTS (en-US, USD;
 *                               in a multi-currency org the persona's currency);
 *                               other settings from lightning-base-components' scoped defaults
 *   @salesforce/resourceUrl/X   /resource/X (served from staticresources)
 *   virtual:preview-pages       the pages, as the package's FlexiPages lay them out (flexiPages.ts)
 *   virtual:preview-components  a loader per placed bundle that exists
 *   org/uiApiSharedSchema       Salesforce's shared-schema.graphqls, inlined as a string
 *
 * A build is served only when its sources are still what it read: after bundling, every input is
 * compared with the file on disk, and a source edited meanwhile means another build, not a
 * bundle mixing old and new files. The output replaces the previous one file by file through
 * renames, the entry last, so a page never loads half of one build and half of another.
 *
 *   npx tsx preview/build.ts            one build
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  watch as watchFiles,
  writeFileSync,
  type FSWatcher
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import {
  rollup,
  type OutputAsset,
  type OutputChunk,
  type Plugin,
  type RollupCache,
  type RollupOptions
} from 'rollup';
import ts from 'typescript';
import { loadPreviewMetadata, type PreviewMetadata } from './org/loadModel';
import { loadPages } from './flexiPages';
import { placedComponents } from './shell/pages';
import { SHARED_SCHEMA_FILE, SHARED_SCHEMA_SDL } from './org/uiApiSharedSchema';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = join(ROOT, '.preview-build');
const LWC_DIR = join(ROOT, 'force-app/main/default/lwc');
const PREVIEW_DIR = join(ROOT, 'preview');
const PLATFORM_MODULES = [
  'graphql',
  'uiRecordApi',
  'uiObjectInfoApi',
  'navigation',
  'platformShowToastEvent',
  'platformResourceLoader',
  'refresh',
  'actions'
];
const BASE_COMPONENTS_DIR = join(ROOT, 'node_modules/lightning-base-components/src/lightning');
const STUBS_DIR = join(OUT_DIR, 'stubs');
const VIRTUAL_PREFIX = '\0preview:';
/** The preview user's locale settings, as `@salesforce/i18n/*` provides them on the platform. */
const I18N_DEFAULTS: Readonly<Record<string, string>> = {
  locale: 'en-US',
  currency: 'USD',
  lang: 'en-US',
  timeZone: 'America/Los_Angeles'
};
const CACHE_FILE = join(OUT_DIR, 'rollup-cache.json');

/** TypeScript → JavaScript exactly as tsconfig.build.json emits it (decorators untouched). */
const TRANSPILE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  useDefineForClassFields: true,
  experimentalDecorators: false,
  isolatedModules: true
};

/** A bundle's TypeScript source (a plain JavaScript bundle's .js only when it has no .ts). */
function bundleEntry(name: string): string | null {
  const source = join(LWC_DIR, name, `${name}.ts`);
  if (existsSync(source)) return source;
  const js = join(LWC_DIR, name, `${name}.js`);
  return existsSync(js) ? js : null;
}

/** A placed bundle is a component (it has a template), not a service module. */
function componentExists(name: string): boolean {
  return existsSync(join(LWC_DIR, name, `${name}.html`)) && bundleEntry(name) !== null;
}

/** An LWC component that renders a notice in place of a platform-only base component. */
function writeStub(name: string): string {
  const dir = join(STUBS_DIR, 'lightning', name);
  mkdirSync(dir, { recursive: true });
  const tag = `lightning-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  writeFileSync(
    join(dir, `${name}.js`),
    `import { LightningElement, api } from 'lwc';\nexport default class extends LightningElement {\n  @api recordId;\n  @api objectApiName;\n  @api fieldName;\n}\n`
  );
  writeFileSync(
    join(dir, `${name}.html`),
    `<template><div class="slds-box slds-text-color_weak">${tag} is platform-only and not available in the local preview.</div><slot></slot></template>\n`
  );
  return join(dir, `${name}.js`);
}

/** The generated modules that follow the FlexiPages: the pages, a loader per placed bundle. */
function pagesModule(key: 'pages' | 'components'): string {
  const pages = loadPages(ROOT);
  if (key === 'pages') return `export const PAGES = ${JSON.stringify(pages)};\n`;
  const lines = placedComponents(pages)
    .filter(componentExists)
    .map((name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(`c/${name}`)}),`);
  return `export const components = {\n${lines.join('\n')}\n};\n`;
}

function stringModule(value: unknown): string {
  return `export default ${JSON.stringify(value)};`;
}

interface ResolverOptions {
  metadata: PreviewMetadata;
}

/** Resolves the platform's module specifiers to preview files and generated modules. */
function previewResolver({ metadata }: ResolverOptions): Plugin {
  const runtimeModule = join(PREVIEW_DIR, 'runtime/runtime.ts');
  return {
    name: 'preview-resolver',
    resolveId(source) {
      // The in-memory org reads Salesforce's shared UI API schema from node_modules in Node;
      // the browser gets the same text inlined.
      if (/(^|\/)uiApiSharedSchema(\.ts)?$/.test(source)) return `${VIRTUAL_PREFIX}sharedSchema`;
      // The in-memory org runs in the browser: a Node built-in reaching the bundle would load
      // as a broken URL at run time (ERR_UNKNOWN_URL_SCHEME) and stop the preview.
      if (source.startsWith('node:')) {
        this.error(`${source} is a Node module and cannot run in the preview's browser bundle.`);
      }
      if (source.startsWith('c/')) {
        const name = source.slice(2);
        const entry = bundleEntry(name);
        // The specifier query gives the LWC compiler the namespace (c), not the folder (lwc).
        return entry ? `${entry}?specifier=${encodeURIComponent(source)}` : null;
      }
      if (source.startsWith('preview/')) {
        const name = source.slice('preview/'.length);
        const entry = join(PREVIEW_DIR, 'shell', name, `${name}.ts`);
        return existsSync(entry) ? `${entry}?specifier=${encodeURIComponent(source)}` : null;
      }
      if (source.startsWith('lightning/')) {
        const name = source.slice(10);
        if (PLATFORM_MODULES.includes(name))
          return join(PREVIEW_DIR, 'modules/lightning', name, `${name}.ts`);
        // Platform-only base components (record forms, …) are not in lightning-base-components:
        // a stub keeps the build going and says so where the component would render.
        if (!existsSync(join(BASE_COMPONENTS_DIR, name))) {
          this.warn(`${source} is not available in the preview; it renders as a notice.`);
          return writeStub(name);
        }
      }
      if (source === 'virtual:preview-components') return `${VIRTUAL_PREFIX}components`;
      if (source === 'virtual:preview-pages') return `${VIRTUAL_PREFIX}pages`;
      if (source.startsWith('@salesforce/label/c.'))
        return `${VIRTUAL_PREFIX}label:${source.slice(20)}`;
      if (source.startsWith('@salesforce/schema/'))
        return `${VIRTUAL_PREFIX}schema:${source.slice(19)}`;
      if (source === '@salesforce/user/Id') return `${VIRTUAL_PREFIX}userId`;
      // The settings our components read; the rest (dir, number formats, calendars …) resolve
      // to lightning-base-components' own scoped defaults, which agree with these.
      if (source.startsWith('@salesforce/i18n/')) {
        const name = source.slice('@salesforce/i18n/'.length);
        if (name in I18N_DEFAULTS) return `${VIRTUAL_PREFIX}i18n:${name}`;
      }
      if (source.startsWith('@salesforce/resourceUrl/'))
        return `${VIRTUAL_PREFIX}resource:${source.slice(24)}`;
      if (
        source.startsWith('@salesforce/customPermission/') ||
        source.startsWith('@salesforce/userPermission/')
      ) {
        return `${VIRTUAL_PREFIX}permission:${source}`;
      }
      if (source.startsWith('@salesforce/apex')) {
        this.error(
          `${source}: this package has no Apex; read and write through LDS (GraphQL, uiRecordApi).`
        );
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const key = id.slice(VIRTUAL_PREFIX.length);
      if (key === 'sharedSchema') {
        return [
          `export const SHARED_SCHEMA_FILE = ${JSON.stringify(SHARED_SCHEMA_FILE)};`,
          `export const SHARED_SCHEMA_SDL = ${JSON.stringify(SHARED_SCHEMA_SDL)};`
        ].join('\n');
      }
      // Read on every build, so a FlexiPage edited while `npm start` runs shows at once: its
      // components, their properties (typed by their js-meta.xml) and its layout.
      if (key === 'pages' || key === 'components') return pagesModule(key);
      if (key.startsWith('label:')) {
        const name = key.slice(6);
        const value = metadata.labels[name];
        if (value === undefined)
          this.warn(`@salesforce/label/c.${name} is not defined in the labels file`);
        return stringModule(value ?? name);
      }
      if (key.startsWith('schema:')) {
        const [objectApiName, ...field] = key.slice(7).split('.');
        return stringModule(
          field.length > 0 ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName }
        );
      }
      if (key === 'userId') {
        return `import { currentPersona } from ${JSON.stringify(runtimeModule)};\nexport default currentPersona().userId;\n`;
      }
      if (key.startsWith('resource:')) return stringModule(`/resource/${key.slice(9)}`);
      if (key === 'i18n:currency') {
        // In a multi-currency org the user's own currency (preview/runtime userCurrencyCode).
        return `import { userCurrencyCode } from ${JSON.stringify(runtimeModule)};\nexport default userCurrencyCode(${JSON.stringify(I18N_DEFAULTS.currency)});\n`;
      }
      if (key.startsWith('i18n:')) {
        return stringModule(I18N_DEFAULTS[key.slice(5)]);
      }
      if (key.startsWith('permission:')) {
        // Managers and the VP hold the manager permission sets; reps the rep one.
        return `import { currentPersona } from ${JSON.stringify(runtimeModule)};\nexport default currentPersona().persona !== 'rep';\n`;
      }
      return null;
    }
  };
}

/**
 * TypeScript sources, the preview's own and force-app's, compiled on every build. A relative
 * import from a .ts file resolves to .ts (@lwc/rollup-plugin keeps the importer's extension).
 */
function typescript(): Plugin {
  return {
    name: 'preview-typescript',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
      const output = ts.transpileModule(code, {
        compilerOptions: TRANSPILE_OPTIONS,
        fileName: file
      });
      return { code: output.outputText, map: null };
    }
  };
}

function indexHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Sales Coaching · local preview</title>
    <link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" />
    <style>
      body { margin: 0; background: #b0c4df; }
      /* Toasts open below the global header and the navigation bar, as in Lightning
         Experience, so they never cover the tabs or the persona switch. */
      lightning-toast-container .toast-container.top { top: 5.75rem; }
    </style>
  </head>
  <body class="slds-scope">
    <div id="root"></div>
    <script type="module" src="/preview/main.js"></script>
  </body>
</html>
`;
}

export function rollupOptions(metadata: PreviewMetadata, cache?: RollupCache): RollupOptions {
  return {
    input: join(PREVIEW_DIR, 'main.ts'),
    cache,
    preserveEntrySignatures: false,
    plugins: [
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('development'),
          'import.meta.env.SSR': 'false'
        }
      }),
      previewResolver({ metadata }),
      typescript(),
      lwc({
        rootDir: PREVIEW_DIR,
        modules: [{ npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true,
        // Only LWC sources need the LWC compiler; libraries pass through untouched.
        exclude: ['**/node_modules/graphql/**', '**/node_modules/@lwc/**', /\0/]
      }),
      nodeResolve({ browser: true })
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      // Base components ship templates the compiler warns about; they are not ours to fix.
      if (warning.id?.includes('node_modules') || warning.message.includes('node_modules')) return;
      warn(warning);
    }
  };
}

const OUTPUT = {
  dir: join(OUT_DIR, 'preview'),
  format: 'es' as const,
  entryFileNames: 'main.js',
  chunkFileNames: 'chunks/[name]-[hash].js',
  sourcemap: false
};

function writeStatic(metadata: PreviewMetadata): void {
  mkdirSync(join(OUT_DIR, 'preview'), { recursive: true });
  writeFileSync(join(OUT_DIR, 'index.html'), indexHtml());
  writeFileSync(join(OUT_DIR, 'preview/model.json'), JSON.stringify(metadata.model));
}

function readCache(): RollupCache | undefined {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as RollupCache;
  } catch {
    return undefined;
  }
}

/**
 * Rollup re-parses cached code cheaply; dropping the ASTs makes the cache a third of the size
 * and loading it faster than using them.
 */
function writeCache(cache: RollupCache): void {
  const modules = cache.modules?.map(({ ast: _ast, ...rest }) => rest);
  writeFileSync(CACHE_FILE, JSON.stringify({ ...cache, modules }));
}

/** The source of a module as it is now: the file on disk, or a generated module regenerated. */
function currentSource(id: string): string | null {
  if (id.startsWith(VIRTUAL_PREFIX)) {
    const key = id.slice(VIRTUAL_PREFIX.length);
    return key === 'pages' || key === 'components' ? pagesModule(key) : null;
  }
  const file = id.split('?')[0];
  if (!isAbsolute(file) || file.includes('/node_modules/')) return null;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The inputs whose source changed after the build read them (the build is then stale). */
function staleInputs(cache: RollupCache | undefined): string[] {
  return (cache?.modules ?? [])
    .filter((module) => {
      const now = currentSource(module.id);
      return now !== null && now !== module.originalCode;
    })
    .map((module) => relativeToRoot(module.id.split('?')[0].replace(VIRTUAL_PREFIX, '')));
}

let servedFiles = new Set<string>();

/**
 * Replaces the served build: each file written beside its place and renamed into it, the entry
 * last, so a page loads either the old build or the new one. Chunks of the build before the
 * previous one are removed (a page still loading the previous one may need its chunks).
 */
function writeOutput(output: (OutputChunk | OutputAsset)[]): void {
  const files = output
    .map((file) => ({
      path: join(OUTPUT.dir, file.fileName),
      content: file.type === 'chunk' ? file.code : file.source,
      entry: file.type === 'chunk' && file.isEntry
    }))
    .sort((a, b) => Number(a.entry) - Number(b.entry));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(`${file.path}.tmp`, file.content);
    renameSync(`${file.path}.tmp`, file.path);
  }
  const current = new Set(files.map((file) => file.path));
  const chunks = join(OUTPUT.dir, 'chunks');
  if (existsSync(chunks)) {
    for (const name of readdirSync(chunks)) {
      const path = join(chunks, name);
      if (!current.has(path) && !servedFiles.has(path)) rmSync(path, { force: true });
    }
  }
  servedFiles = current;
}

interface BuildAttempt {
  durationMs: number;
  cache: RollupCache | undefined;
  /** Sources edited while the build read them: nothing was written. */
  stale: string[];
}

async function buildOnce(cache: RollupCache | undefined): Promise<BuildAttempt> {
  const started = Date.now();
  const metadata = loadPreviewMetadata(ROOT);
  writeStatic(metadata);
  const bundle = await rollup(rollupOptions(metadata, cache));
  try {
    const { output } = await bundle.generate(OUTPUT);
    const stale = staleInputs(bundle.cache);
    if (stale.length === 0) writeOutput(output);
    return { durationMs: Date.now() - started, cache: bundle.cache, stale };
  } finally {
    await bundle.close();
  }
}

/** Sources that kept changing through this many builds in a row fail the build. */
const MAX_ATTEMPTS = 5;

export interface BuildResult {
  durationMs: number;
  components: string[];
}

/** One full build. The Rollup cache in .preview-build makes later builds incremental. */
export async function buildPreview(options: { cache?: boolean } = {}): Promise<BuildResult> {
  const started = Date.now();
  const useCache = options.cache ?? true;
  let cache = useCache ? readCache() : undefined;
  for (let attempt = 1; ; attempt++) {
    const result = await buildOnce(cache);
    cache = result.cache;
    if (result.stale.length === 0) break;
    if (attempt === MAX_ATTEMPTS) {
      throw new Error(`Sources kept changing during the build: ${result.stale.join(', ')}`);
    }
  }
  if (useCache && cache) writeCache(cache);
  return {
    durationMs: Date.now() - started,
    components: placedComponents(loadPages(ROOT)).filter(componentExists)
  };
}

/** Where the preview's sources are; a change below them starts a build. */
const WATCHED_DIRS = ['force-app', 'preview', 'scripts', 'data', 'types'];

/** Changes that are no input of the preview: tsc's output, tests. */
function isInput(path: string): boolean {
  return !/(\/lwc\/.*\.js$)|(\.test\.ts$)|(__tests__)|(\.tmp$)/.test(path);
}

/**
 * Builds, then builds again on every change until the returned function is called. The
 * directories are watched before the first build starts, so no edit made while a build runs is
 * missed; a build whose sources changed meanwhile is not served, the next one is.
 */
export function watchPreview(
  onBuilt: (error: Error | null, durationMs: number) => void
): () => Promise<void> {
  let cache = readCache();
  let dirty = true;
  let running: Promise<void> | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    while (dirty && !closed) {
      dirty = false;
      try {
        const result = await buildOnce(cache);
        cache = result.cache;
        if (result.stale.length > 0) {
          dirty = true;
          continue;
        }
        if (cache) writeCache(cache);
        onBuilt(null, result.durationMs);
      } catch (error) {
        onBuilt(error instanceof Error ? error : new Error(String(error)), 0);
      }
    }
    running = null;
  };
  const schedule = (): void => {
    dirty = true;
    if (running || closed) return;
    clearTimeout(timer);
    // Editors save in bursts (a write, a rename, a touch): one build for the burst.
    timer = setTimeout(() => {
      running ??= run();
    }, 50);
  };
  const watchers: FSWatcher[] = WATCHED_DIRS.filter((dir) => existsSync(join(ROOT, dir))).map(
    (dir) =>
      watchFiles(join(ROOT, dir), { recursive: true }, (_event, name) => {
        if (name === null || isInput(name)) schedule();
      })
  );
  schedule();
  return async () => {
    closed = true;
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    await running;
  };
}

export function relativeToRoot(path: string): string {
  return relative(ROOT, resolve(path)) || '.';
}

export const STATIC_ROUTES = {
  assets: join(ROOT, 'node_modules/@salesforce-ux/design-system/assets'),
  sampleData: join(ROOT, 'data/sample-data.json'),
  staticResources: join(ROOT, 'force-app/main/default/staticresources'),
  outDir: OUT_DIR
};

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  buildPreview({ cache: !process.argv.includes('--no-cache') })
    .then((result) => {
      console.log(
        `Preview built in ${(result.durationMs / 1000).toFixed(1)} s into ${relativeToRoot(OUT_DIR)} (components: ${result.components.join(', ') || 'none yet'})`
      );
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
