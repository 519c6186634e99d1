/**
 * (e) Every LWC bundle compiles with the platform's compiler (@lwc/sfdc-lwc-compiler), from the
 * .js that `npm run build` emits — what the platform would receive.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';
import { sourceApiVersion } from './apiVersions';
import { type CheckResult, type Problem, rel } from './problems';

export const LWC_DIR = 'force-app/main/default/lwc';
const BUNDLE_FILE = /\.(js|html|css|svg)$/;

/** Bundles: folders under lwc/ with a .js-meta.xml. */
export function lwcBundles(root: string): string[] {
  const dir = join(root, LWC_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((name) => existsSync(join(dir, name, `${name}.js-meta.xml`)));
}

// DiagnosticLevel from @lwc/errors: 0 Fatal, 1 Error, 2 Warning, 3 Log.
const WARNING_LEVEL = 2;

export async function checkLwc(root: string): Promise<CheckResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const bundles = lwcBundles(root);
  // Compile as the org would for the project's API version (the compiler treats versions newer
  // than it knows as its newest).
  const apiVersion = Number(sourceApiVersion(root) ?? '0') || undefined;
  for (const name of bundles) {
    const dir = join(root, LWC_DIR, name);
    const files: Record<string, string> = {};
    let missingBuild = false;
    for (const file of readdirSync(dir)) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
        const emitted = file.replace(/\.ts$/, '.js');
        if (!existsSync(join(dir, emitted))) {
          problems.push({
            file: rel(root, join(dir, file)),
            message: `no ${emitted} beside it: run npm run build`
          });
          missingBuild = true;
        }
      } else if (BUNDLE_FILE.test(file)) {
        files[file] = readFileSync(join(dir, file), 'utf8');
      }
    }
    if (missingBuild) continue;
    if (!files[`${name}.js`]) {
      // The compiler throws on an empty bundle; say what is missing instead.
      problems.push({
        file: rel(root, dir),
        message: `bundle ${name} has no ${name}.ts or ${name}.js`
      });
      continue;
    }
    const output = await compile({
      bundle: {
        type: 'platform',
        name,
        namespace: 'c',
        files,
        options: { apiVersion }
      }
    });
    for (const diagnostic of output.diagnostics) {
      const file = rel(root, join(dir, diagnostic.filename ?? `${name}.js`));
      const where = diagnostic.location ? ` (line ${diagnostic.location.line})` : '';
      const entry = { file, message: `${diagnostic.message}${where}` };
      if (diagnostic.level >= WARNING_LEVEL) warnings.push(entry);
      else problems.push(entry);
    }
    if (!output.success && output.diagnostics.length === 0) {
      problems.push({
        file: rel(root, dir),
        message: 'the LWC compiler failed without a diagnostic'
      });
    }
  }
  return {
    name: 'lwc',
    summary: `${bundles.length} bundles compile with @lwc/sfdc-lwc-compiler`,
    problems,
    warnings
  };
}
