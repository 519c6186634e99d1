/**
 * `npm run knip` (part of `npm run lint`): the dead-code check, knip with knip.ts, twice — the
 * default pass (every entry, tests included: unused files, exports, dependencies) and the
 * production pass (`--production`: only what ships or runs for a user, so an export that only
 * tests or benchmarks reach fails it). Arguments, when given, replace the two passes.
 *
 * knip runs on a copy of the sources without the `.js` that `npm run build` emits beside each
 * LWC `.ts`: knip resolves `./scorecardModel` to a `.js` before a `.ts` (its resolver tries
 * .js first), so in a built tree it would follow the emitted files and call the sources unused.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.preview-build',
  '.sf',
  '.sfdx',
  'coverage'
]);
const EMITTED = /(^|\/)lwc\/.+\.js$/;

/** Copies the project's own files (no dependencies, no build output) into a new directory. */
export function copySources(root: string = ROOT): string {
  const copy = mkdtempSync(join(tmpdir(), 'knip-'));
  for (const name of readdirSync(root)) {
    if (SKIPPED_DIRS.has(name)) continue;
    cpSync(join(root, name), join(copy, name), {
      recursive: true,
      filter: (source) => {
        const path = relative(root, source).split(sep).join('/');
        return !path.split('/').some((part) => SKIPPED_DIRS.has(part)) && !EMITTED.test(path);
      }
    });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Runs knip in `dir` (a copy from copySources); the report goes to `stdio`. */
export function runKnip(
  dir: string,
  args: string[],
  stdio: 'inherit' | 'pipe' = 'inherit'
): { status: number; output: string } {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/knip/bin/knip.js'), '--no-progress', ...args],
    { cwd: dir, stdio, encoding: 'utf8' }
  );
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function main(): number {
  const passes = process.argv.length > 2 ? [process.argv.slice(2)] : [[], ['--production']];
  const copy = copySources();
  try {
    for (const args of passes) {
      const { status } = runKnip(copy, args);
      if (status !== 0) return status;
    }
    return 0;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) process.exit(main());
