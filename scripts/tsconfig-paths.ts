/**
 * Writes tsconfig.paths.json: one `paths` entry per LWC bundle, so `import x from 'c/periods'`
 * type-checks against force-app/main/default/lwc/periods/periods.ts. TypeScript path patterns
 * allow a single `*`, and a bundle's entry file repeats the bundle name (lwc/x/x.ts), so the
 * mapping cannot be one wildcard; generating it keeps it in step with the bundles on disk.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LWC_DIR = 'force-app/main/default/lwc';
const OUT = join(ROOT, 'tsconfig.paths.json');

export function bundlePaths(root: string = ROOT): Record<string, string[]> {
  const dir = join(root, LWC_DIR);
  const paths: Record<string, string[]> = {};
  if (!existsSync(dir)) return paths;
  for (const name of readdirSync(dir).sort()) {
    const entry = join(dir, name, `${name}.ts`);
    if (existsSync(entry)) paths[`c/${name}`] = [`./${LWC_DIR}/${name}/${name}.ts`];
  }
  return paths;
}

export function pathsConfigText(root: string = ROOT): string {
  const config = {
    compilerOptions: { baseUrl: '.', paths: bundlePaths(root) }
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = pathsConfigText();
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('tsconfig.paths.json is out of date: run `npm run build`.');
      process.exit(1);
    }
  } else if (current !== text) {
    writeFileSync(OUT, text);
  }
}
